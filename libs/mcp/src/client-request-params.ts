import type { Translator } from '@app/common';
import { ClientRequestSchema, type JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js';
import { InvalidParamsException } from './invalid-params.exception';
import { describeValidationIssues } from './validation-issues';

/** The SDK's schema of each request a client may send, by method: what its request handlers parse. */
const CLIENT_REQUEST_SCHEMAS: ReadonlyMap<string, (typeof ClientRequestSchema.options)[number]> = new Map(
  ClientRequestSchema.options.map((schema) => [schema.shape.method.value, schema]),
);

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
  const checked = CLIENT_REQUEST_SCHEMAS.get(request.method)?.safeParse(request, { reportInput: true });
  if (checked === undefined || checked.success) return undefined;
  return new InvalidParamsException(request.method, describeValidationIssues(checked.error.issues, translator, locale));
}
