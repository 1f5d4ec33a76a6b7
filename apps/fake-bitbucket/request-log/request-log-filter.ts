import { z } from 'zod';
import { regularExpressionSchema } from '../shared/regular-expression.schema';

/** The query of GET /__fake/requests; every part is optional and they combine. */
export const requestLogFilterSchema = z.object({
  /** Any case. */
  method: z.string().toUpperCase().optional(),
  /** Regular expression tested against the request path. */
  path: regularExpressionSchema.transform((source) => new RegExp(source)).optional(),
  /** Only requests after this sequence number. */
  since: z.string().regex(/^\d+$/, 'a sequence number, a non-negative integer').transform(Number).optional(),
});

export type RequestLogFilter = z.output<typeof requestLogFilterSchema>;
