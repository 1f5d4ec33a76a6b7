import { z } from 'zod';

/**
 * The `confirm` argument every destructive tool takes: clients that support elicitation are asked
 * instead; the others must pass `confirm: true`, having asked the user themselves.
 */
export const confirmArgument = z
  .boolean()
  .optional()
  .describe(
    'Set to true only after the user explicitly agreed to this irreversible action (needed when the client cannot ask them itself).',
  );
