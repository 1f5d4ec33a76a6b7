import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { jsonRpcMessages } from './json-rpc-messages';
import type { Violation } from './violation';

/** How a tool failure names its code (i18n/en/mcp.json ERROR_REFERENCE; fuzzed sessions speak English). */
const INTERNAL_TOOL_FAILURE = '(error INTERNAL,';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The answers in `text` that admit an internal error: a JSON-RPC -32603, or a tool result failed with
 * INTERNAL. Hostile input deserves a precise refusal (-32602, a validation or Bitbucket error), never
 * "something went wrong on the server".
 */
export function internalErrors(text: string): Violation[] {
  return jsonRpcMessages(text).flatMap((message): Violation[] => {
    if (!isRecord(message)) return [];
    const { error, result } = message;
    if (isRecord(error) && error.code === ErrorCode.InternalError) {
      return [{ kind: 'internal-error', detail: `JSON-RPC error ${JSON.stringify(error).slice(0, 400)}` }];
    }
    if (isRecord(result) && result.isError === true && JSON.stringify(result).includes(INTERNAL_TOOL_FAILURE)) {
      return [{ kind: 'internal-error', detail: `tool failure ${JSON.stringify(result.content).slice(0, 400)}` }];
    }
    return [];
  });
}
