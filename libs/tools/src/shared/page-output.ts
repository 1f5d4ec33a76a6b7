import { z } from 'zod';

/** Output of a listing: its items, and the cursor to pass back for more (absent on the last page). */
export function pageOutput<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    cursor: z
      .string()
      .optional()
      .describe('Pass back as `cursor` to get the next page; absent when this is the last page.'),
    total: z.number().int().optional(),
    truncated: z
      .string()
      .optional()
      .describe('Set when the answer was cut to fit the response budget, saying how to get the rest.'),
  });
}
