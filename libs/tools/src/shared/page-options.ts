import type { PageOptions } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';

/** Gateway paging options from a listing tool's `cursor` and `limit` arguments; an empty cursor is none (the first page). */
export function pageOptions(
  args: { cursor?: string | undefined; limit?: number | undefined },
  context: ToolContext,
): PageOptions {
  return {
    signal: context.signal,
    ...(args.cursor === undefined || args.cursor === '' ? {} : { cursor: args.cursor }),
    ...(args.limit === undefined ? {} : { limit: args.limit }),
  };
}
