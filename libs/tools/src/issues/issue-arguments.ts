import { z } from 'zod';

/** Arguments the issue tools share, described once. */
export const issueArguments = {
  id: z.number().int().positive().describe('Issue number (e.g. 1).'),
  state: z.enum(['new', 'open', 'resolved', 'on hold', 'invalid', 'duplicate', 'wontfix', 'closed']),
  kind: z.enum(['bug', 'enhancement', 'proposal', 'task']),
  priority: z.enum(['trivial', 'minor', 'major', 'critical', 'blocker']),
};
