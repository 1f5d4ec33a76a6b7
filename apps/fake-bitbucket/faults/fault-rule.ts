import { z } from 'zod';
import { regularExpressionSchema } from '../shared/regular-expression.schema';

export const faultRuleSchema = z
  .object({
    /** Regular expression tested against the request path (without the query). */
    path: regularExpressionSchema.default('.*'),
    method: z.string().toUpperCase().optional(),
    /** Added before anything else happens. */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Answer with this status, in the flavor's error shape. */
    status: z.number().int().min(100).max(599).optional(),
    /** Fraction of matching requests that get `status` (default 500), spread evenly and deterministically. */
    errorRate: z.number().min(0).max(1).optional(),
    /** Never answer: the request stays open until the client gives up. */
    hang: z.boolean().optional(),
    /** Reset the connection without answering: Bitbucket unreachable. */
    outage: z.boolean().optional(),
    /** After `budget` requests within `windowMs`, answer 429 as the flavor does until the window ends. */
    rateLimit: z
      .object({
        budget: z.number().int().min(0),
        windowMs: z.number().int().min(1).default(60_000),
        retryAfterSeconds: z.number().int().min(1).optional(),
      })
      .optional(),
    /** Apply to the first N matching requests only, then let requests through. */
    times: z.number().int().min(1).optional(),
  })
  .strict();

export type FaultRuleInput = z.output<typeof faultRuleSchema>;
