import { z } from 'zod';
import { catalogueText } from '@app/mcp';

/** Output of a listing: its items, and the cursor to pass back for more (absent on the last page). */
export function pageOutput<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    cursor: z.string().optional().describe(catalogueText('output.page.cursor')),
    total: z.number().int().optional(),
    truncated: z.string().optional().describe(catalogueText('output.page.truncated')),
  });
}
