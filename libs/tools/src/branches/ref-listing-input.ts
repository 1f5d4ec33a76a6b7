import { z } from 'zod';
import { toolArguments } from '../shared/tool-arguments';

/** The arguments of list_branches and list_tags: a repository, a name filter and paging. */
export function refListingInput(kind: 'branches' | 'tags') {
  return z
    .object({
      workspace: toolArguments.workspace,
      repo: toolArguments.repo,
      filter: z.string().min(1).max(200).optional().describe(`Only ${kind} whose name contains this text.`),
      cursor: toolArguments.cursor,
      limit: toolArguments.limit,
    })
    .strict();
}
