import { z } from 'zod';
import { catalogueText } from '@app/mcp';

/** Arguments the issue tools share, described once. */
export const issueArguments = {
  id: z.number().int().positive().describe(catalogueText('params.issueId')),
  state: z.enum(['new', 'open', 'resolved', 'on hold', 'invalid', 'duplicate', 'wontfix', 'closed']),
  kind: z.enum(['bug', 'enhancement', 'proposal', 'task']),
  priority: z.enum(['trivial', 'minor', 'major', 'critical', 'blocker']),
};
