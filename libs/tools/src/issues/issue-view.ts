import type { BbIssue } from '@app/bitbucket';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';

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
export function issueLine(issue: IssueSummaryView): string {
  const facts = [...(issue.assignee === undefined ? [] : [`@${issue.assignee}`]), issue.updatedOn];
  return `#${issue.id} [${issue.state}] ${issue.kind}/${issue.priority} ${issue.title} (${facts.join(', ')})`;
}
