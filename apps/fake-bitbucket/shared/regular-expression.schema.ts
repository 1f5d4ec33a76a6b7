import { z } from 'zod';

/** A string that compiles as a JavaScript regular expression; when it does not, the issue carries the engine's reason. */
export const regularExpressionSchema = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'not a regular expression' });
  }
});
