import type { BbIssue } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';
import { statusWord } from '../shared/status-word';

export const issueSummaryView = z.object({
  id: z.number().int(),
  title: z.string(),
  state: z.string().describe(catalogueText('output.issueSummary.state')),
  kind: z.string().describe(catalogueText('output.issueSummary.kind')),
  priority: z.string().describe(catalogueText('output.issueSummary.priority')),
  assignee: z.string().optional().describe(catalogueText('output.issueSummary.assignee')),
  reporter: z.string().optional().describe(catalogueText('output.issueSummary.reporter')),
  updatedOn: z.string(),
});

export type IssueSummaryView = z.output<typeof issueSummaryView>;

export function toIssueSummaryView(issue: BbIssue): IssueSummaryView {
  return {
    id: issue.id,
    title: issue.title,
    state: issue.state,
    kind: issue.kind,
    priority: issue.priority,
    ...(issue.assignee === undefined ? {} : { assignee: issue.assignee.name }),
    ...(issue.reporter === undefined ? {} : { reporter: issue.reporter.name }),
    updatedOn: issue.updatedOn,
  };
}

/** `#1 [open] bug/critical Capture fails for JPY amounts (@bob, 2026-03-02T10:00:00Z)`: the date is the last update. */
export function issueLine(issue: IssueSummaryView, context: ToolContext): string {
  const facts = [...(issue.assignee === undefined ? [] : [`@${issue.assignee}`]), issue.updatedOn];
  return context.t('tools.ISSUE_LINE', {
    id: issue.id,
    state: statusWord('ISSUE_STATE', issue.state, context),
    kind: statusWord('ISSUE_KIND', issue.kind, context),
    priority: statusWord('ISSUE_PRIORITY', issue.priority, context),
    title: issue.title,
    facts: facts.join(', '),
  });
}
