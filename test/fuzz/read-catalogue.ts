import type { FuzzTarget } from './fuzz-target';
import { jsonRpcMessages } from './json-rpc-messages';
import type { McpCatalogue } from './mcp-catalogue';

async function listed<T>(target: FuzzTarget, session: string, method: string, member: string): Promise<T[]> {
  const answer = await target.send({
    method: 'POST',
    path: '/mcp',
    headers: target.headers(session),
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: {} }),
  });
  const [message] = jsonRpcMessages(answer.text) as [{ result?: Record<string, T[] | undefined> } | undefined];
  const items = message?.result?.[member];
  if (items === undefined) throw new Error(`${method} answered ${answer.status} ${answer.text}`);
  return items;
}

/** What the target offers, read through the protocol: tools, prompts and resource templates. */
export async function readCatalogue(target: FuzzTarget): Promise<McpCatalogue> {
  const session = await target.sharedSession();
  return {
    tools: await listed(target, session, 'tools/list', 'tools'),
    prompts: await listed(target, session, 'prompts/list', 'prompts'),
    templates: await listed(target, session, 'resources/templates/list', 'resourceTemplates'),
  };
}
