import { z } from 'zod';
import { catalogueText } from './catalogue-text';

/**
 * The `confirm` argument every destructive tool takes: clients that support elicitation are asked
 * instead; the others must pass `confirm: true`, having asked the user themselves.
 */
export const confirmArgument = z.boolean().optional().describe(catalogueText('params.confirm'));
