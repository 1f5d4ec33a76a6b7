import type { FuzzTarget } from './fuzz-target';
import type { JsonSchema } from './json-schema';
import { jsonRpcMessages } from './json-rpc-messages';
import type { CursorReplay, McpCall } from './mcp-call';
import type { McpCatalogue } from './mcp-catalogue';
import type { SeededValues } from './seeded-values';

/** The first value the schema accepts that the seeded dataset knows, for a call that lists something. */
function plainValue(name: string, schema: JsonSchema, seeded: SeededValues): unknown {
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant !== undefined) return plainValue(name, variant, seeded);
  if (schema.enum !== undefined) return schema.enum[0];
  const type = typeof schema.type === 'string' ? schema.type : schema.type?.[0];
  if (type === 'integer' || type === 'number') return seeded.integers[name]?.[0] ?? schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  return seeded.strings[name]?.[0] ?? 'x';
}

function cursorOf(text: string): string | undefined {
  const [message] = jsonRpcMessages(text) as [{ result?: { structuredContent?: { cursor?: unknown } } } | undefined];
  const cursor = message?.result?.structuredContent?.cursor;
  return typeof cursor === 'string' ? cursor : undefined;
}

/**
 * Cursors the server really gives out: each tool that takes a `cursor` is called once with seeded values and
 * `limit: 1`. The fuzzer replays them, tampered with and retargeted, whatever their format.
 */
export async function harvestCursors(
  target: FuzzTarget,
  catalogue: McpCatalogue,
  seeded: SeededValues,
): Promise<CursorReplay[]> {
  const session = await target.sharedSession();
  const replays: CursorReplay[] = [];
  for (const tool of catalogue.tools) {
    const properties = tool.inputSchema.properties ?? {};
    if (properties.cursor === undefined) continue;
    // Cloud needs the workspace even where the schema leaves it optional (list_projects, list_users…).
    const required = [...new Set([...(tool.inputSchema.required ?? []), 'workspace'])].filter(
      (name) => properties[name] !== undefined,
    );
    const args = Object.fromEntries([
      ...required.map((name): [string, unknown] => [name, plainValue(name, properties[name] ?? {}, seeded)]),
      ...(properties.limit === undefined ? [] : [['limit', 1] as [string, unknown]]),
    ]);
    const call: McpCall = { method: 'tools/call', params: { name: tool.name, arguments: args } };
    const answer = await target.send({
      method: 'POST',
      path: '/mcp',
      headers: target.headers(session),
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, ...call }),
    });
    const cursor = cursorOf(answer.text);
    if (cursor !== undefined) replays.push({ call, cursor });
  }
  return replays;
}
