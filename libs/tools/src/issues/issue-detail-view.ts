import type { BbIssue } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { issueLine, issueSummaryView, toIssueSummaryView } from './issue-view';
import { catalogueText } from '@app/mcp';

export const issueDetailView = issueSummaryView.extend({
  content: z.string().describe(catalogueText('output.issueDetail.content')),
  createdOn: z.string(),
  url: z.string().optional(),
  truncated: z.string().optional().describe(catalogueText('output.issueDetail.truncated')),
});

export type IssueDetailView = z.output<typeof issueDetailView>;

/** The whole issue, its description cut to what the response budget leaves (saying so). */
export function toIssueDetailView(issue: BbIssue, context: ToolContext): IssueDetailView {
  const summary = toIssueSummaryView(issue);
  const room = Math.max(0, context.budgetChars - issueLine(summary, context).length - (issue.url?.length ?? 0) - 200);
  const cut = issue.content.length > room;
  return {
    ...summary,
    content: cut ? issue.content.slice(0, room) : issue.content,
    createdOn: issue.createdOn,
    ...(issue.url === undefined ? {} : { url: issue.url }),
    ...(cut ? { truncated: context.t('tools.ISSUE_CONTENT_CUT', { shown: room, total: issue.content.length }) } : {}),
  };
}

/** The issue's line, its link, its description, and what was cut. */
export function renderIssueDetail(issue: IssueDetailView, context: ToolContext): string {
  return [
    issueLine(issue, context),
    context.t('tools.ISSUE_REPORTED', { reporter: issue.reporter ?? '-', createdOn: issue.createdOn }),
    ...(issue.url === undefined ? [] : [issue.url]),
    ...(issue.content === '' ? [] : ['', issue.content]),
    ...(issue.truncated === undefined ? [] : ['', issue.truncated]),
  ].join('\n');
}
