import type { Translator } from '@app/common';
import { ClientRequestSchema, type JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { InvalidParamsException } from './invalid-params.exception';
import { describeValidationIssues } from './validation-issues';

/** The SDK's schema of each request a client may send, by method: what its request handlers parse. */
const CLIENT_REQUEST_SCHEMAS: ReadonlyMap<string, (typeof ClientRequestSchema.options)[number]> = new Map(
  ClientRequestSchema.options.map((schema) => [schema.shape.method.value, schema]),
);

/** What a handler of the SDK would fail on although its schema lets it through (`new URL(uri)`): checked alike. */
const HANDLER_PRECONDITIONS: ReadonlyMap<string, z.ZodType> = new Map([
  ['resources/read', z.object({ params: z.object({ uri: z.url() }) })],
]);

export const CLIENT_REQUEST_METHODS: readonly string[] = [...CLIENT_REQUEST_SCHEMAS.keys()];

/**
 * The refusal of a request whose params break the SDK's schema for its method, naming the fields in
 * `locale`; undefined when they fit, or when the method is not one a client sends.
 */
export function invalidParams(
  request: JSONRPCRequest,
  translator: Translator,
  locale: string,
): InvalidParamsException | undefined {
  // reportInput: zod leaves the input out of issues otherwise, and a wrong type would read as missing.
  const schema = CLIENT_REQUEST_SCHEMAS.get(request.method);
  if (schema === undefined) return undefined;
  const checked = schema.safeParse(request, { reportInput: true });
  const precondition = HANDLER_PRECONDITIONS.get(request.method);
  const { error } = checked.success && precondition !== undefined ? precondition.safeParse(request) : checked;
  if (error === undefined) return undefined;
  return new InvalidParamsException(request.method, describeValidationIssues(error.issues, translator, locale));
}
