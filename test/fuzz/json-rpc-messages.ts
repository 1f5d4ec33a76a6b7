/**
 * The JSON-RPC messages in a body: a JSON object or batch, or the `data:` of each event of an SSE stream.
 * Text that is neither gives none.
 */
export function jsonRpcMessages(text: string): unknown[] {
  const parsed = parseJson(text);
  if (parsed !== undefined) return Array.isArray(parsed) ? parsed : [parsed];
  return text
    .split(/\r?\n\r?\n/)
    .map((event) => [...event.matchAll(/^data: ?(.*)$/gm)].map((line) => line[1] ?? '').join('\n'))
    .flatMap((data) => {
      const message = parseJson(data);
      return message === undefined ? [] : [message];
    });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
