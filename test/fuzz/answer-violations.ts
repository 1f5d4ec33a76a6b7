import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { internalErrors } from './internal-errors';
import { jsonRpcMessages } from './json-rpc-messages';
import { leakedStack } from './leaked-stack';
import type { RawAnswer, RawRequest } from './raw-exchange';
import type { Violation } from './violation';

/** MCP 2025-06-18 removed JSON-RPC batching; the versions after it have none either. */
const FIRST_VERSION_WITHOUT_BATCHES = '2025-06-18';
const QUOTED_CHARS = 400;

function header(request: RawRequest, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function isBatch(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** A batch POSTed to /mcp under a protocol version without batches, and taken (202, or answers to its messages). */
function acceptedBatch(request: RawRequest, body: string, answer: RawAnswer): boolean {
  const version = header(request, 'mcp-protocol-version');
  if (!request.path.startsWith('/mcp') || version === undefined || !isBatch(body)) return false;
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(version) || version < FIRST_VERSION_WITHOUT_BATCHES) return false;
  if (answer.status >= 300) return false;
  // Refused: one JSON-RPC error for the whole body, not an answer per message.
  const [only, ...others] = jsonRpcMessages(answer.text);
  const refused =
    !isBatch(answer.text) && others.length === 0 && typeof only === 'object' && only !== null && 'error' in only;
  return !refused;
}

/** The properties one HTTP answer breaks: no answer, a 5xx, a stack trace, an internal error, a removed batch taken. */
export function answerViolations(request: RawRequest, body: string, answer: RawAnswer): Violation[] {
  if (answer.status === 0) return [{ kind: 'no-answer', detail: answer.failure ?? 'no answer' }];
  const violations: Violation[] = [];
  if (answer.status >= 500) {
    violations.push({ kind: 'server-error', detail: `HTTP ${answer.status}: ${answer.text.slice(0, QUOTED_CHARS)}` });
  }
  const leak = leakedStack(answer.text, body);
  if (leak !== undefined) violations.push({ kind: 'leaked-stack', detail: `${leak} in ${answer.text.slice(0, 600)}` });
  violations.push(...internalErrors(answer.text));
  if (acceptedBatch(request, body, answer)) {
    violations.push({
      kind: 'accepted-batch',
      detail: `MCP-Protocol-Version ${header(request, 'mcp-protocol-version') ?? ''} has no batches, yet HTTP ${answer.status}: ${answer.text.slice(0, QUOTED_CHARS)}`,
    });
  }
  return violations;
}
