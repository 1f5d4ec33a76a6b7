import { textAnswer } from '@app/testing';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ResultSchema } from '@modelcontextprotocol/sdk/types.js';

const UUID = /^[0-9a-f-]{36}$/;

/** Requests whose params break the MCP schema of their method, and the field each refusal must name. */
const INVALID_PARAMS_CASES: readonly { request: { method: string; params?: unknown }; field: string }[] = [
  {
    request: { method: 'tools/call', params: { name: 'get_current_user', arguments: [1] } },
    field: 'params.arguments',
  },
  {
    request: { method: 'tools/call', params: { name: 'get_current_user', arguments: 'x' } },
    field: 'params.arguments',
  },
  { request: { method: 'tools/call' }, field: 'params' },
  { request: { method: 'prompts/get', params: { name: 5 } }, field: 'params.name' },
  { request: { method: 'prompts/get', params: { name: 'no_such_prompt' } }, field: 'params.name' },
  {
    request: { method: 'prompts/get', params: { name: 'review_pull_request', arguments: { workspace: 'acme' } } },
    field: 'params.arguments.repo',
  },
  { request: { method: 'resources/read', params: {} }, field: 'params.uri' },
  { request: { method: 'logging/setLevel', params: { level: 'loud' } }, field: 'params.level' },
];

/**
 * Sends each malformed request through a connected SDK client (its request() sends params as given)
 * and expects -32602 Invalid params naming the field, with the error code and a correlation id; then
 * a sound call still works.
 */
export async function expectInvalidParamsRefused(client: Client): Promise<void> {
  for (const { request, field } of INVALID_PARAMS_CASES) {
    const refusal = client.request(request as never, ResultSchema);
    await expect(refusal).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining(`Invalid params for ${request.method}: ${field}`) as unknown,
      data: { code: 'MCP_INVALID_PARAMS', correlationId: expect.stringMatching(UUID) as unknown },
    });
  }
  const sound = await client.callTool({ name: 'get_current_user', arguments: {} });
  expect(sound).toMatchObject(textAnswer('(alice'));
}
