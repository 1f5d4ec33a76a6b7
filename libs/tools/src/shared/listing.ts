import type { BbPage } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { fitItems } from './response-budget';

export interface Listing<T> {
  items: T[];
  cursor?: string;
  total?: number;
  truncated?: string;
}

/**
 * A page of items as a tool returns it: projected, cut to the response budget when needed (saying how
 * to get the rest), with the cursor for the next page.
 */
export function toListing<B, T>(
  page: BbPage<B>,
  project: (item: B) => T,
  line: (item: T) => string,
  context: ToolContext,
): Listing<T> {
  const { kept, omitted } = fitItems(page.items.map(project), line, context.budgetChars);
  return {
    items: kept,
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
    ...(page.total === undefined ? {} : { total: page.total }),
    ...(omitted === 0 ? {} : { truncated: context.t('tools.LIST_TRUNCATED', { omitted, limit: kept.length }) }),
  };
}

/** The text of a listing: one line per item, then how to continue. */
export function renderListing<T>(
  listing: Listing<T>,
  line: (item: T) => string,
  context: ToolContext,
  empty = 'tools.EMPTY_LIST',
): string {
  const lines = listing.items.length === 0 ? [context.t(empty)] : listing.items.map(line);
  if (listing.truncated !== undefined) lines.push(listing.truncated);
  if (listing.cursor !== undefined) lines.push(context.t('tools.MORE_PAGES', { cursor: listing.cursor }));
  return lines.join('\n');
}
