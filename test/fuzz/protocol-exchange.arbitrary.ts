import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { ACCEPT_BOTH } from '../../apps/mcp-http/test/mcp-http-client';
import type { McpCall } from './mcp-call';
import type { ProtocolBody, ProtocolExchange, SessionChoice } from './protocol-exchange';

interface MessageTemplate {
  readonly method: string;
  readonly params: fc.Arbitrary<unknown>;
  readonly notification?: boolean;
}

const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];
const KNOWN_METHODS = [
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'prompts/list',
  'prompts/get',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'logging/setLevel',
  'completion/complete',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
];

const anyJson = fc.jsonValue({ maxDepth: 3 });
const printable = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: 'grapheme-ascii', maxLength });

/** Ids of every JSON type, numbers past 2^53 and negative ones; mostly integers. */
const messageId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(null, true, {}, [], [1], { id: 1 }, '', 2 ** 53 + 2, -1, 1.5, 1e308),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const jsonrpcMember: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 14, arbitrary: fc.constant('2.0') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, '1.0', 2, '', null, '2.0 ', '2') },
);

const oddMethod: fc.Arbitrary<string> = fc.oneof(
  fc.mixedCase(fc.constantFrom(...KNOWN_METHODS)),
  fc.constantFrom(...KNOWN_METHODS).map((method) => `${method}/`),
  fc.constantFrom('', '/', 'rpc.discover', '__proto__', 'constructor', 'tools/call\u0000', 'notifications/'),
  fc.string({ maxLength: 20 }),
);

const wrongParams: fc.Arbitrary<unknown> = fc.constantFrom<unknown>('x', 1, true, null, [], [1, 2], { _meta: 'x' });

function initializeTemplate(): MessageTemplate {
  return {
    method: 'initialize',
    params: fc.record(
      {
        protocolVersion: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...SUPPORTED_PROTOCOL_VERSIONS) },
          { weight: 1, arbitrary: fc.oneof(printable(12), fc.integer(), fc.constant('2099-01-01')) },
        ),
        capabilities: fc.oneof(
          { weight: 4, arbitrary: fc.constant({}) },
          {
            weight: 2,
            arbitrary: fc.constantFrom<unknown>({ elicitation: {} }, { roots: { listChanged: true }, sampling: {} }),
          },
          { weight: 1, arbitrary: anyJson },
        ),
        clientInfo: fc.oneof(
          { weight: 4, arbitrary: fc.constant({ name: 'fuzz', version: '1' }) },
          { weight: 1, arbitrary: anyJson },
        ),
      },
      { requiredKeys: [] },
    ),
  };
}

function otherTemplates(): MessageTemplate[] {
  return [
    { method: 'ping', params: fc.constant({}) },
    { method: 'tools/list', params: fc.oneof(fc.constant({}), fc.record({ cursor: fc.string({ maxLength: 20 }) })) },
    { method: 'prompts/list', params: fc.constant({}) },
    { method: 'resources/list', params: fc.constant({}) },
    { method: 'resources/templates/list', params: fc.constant({}) },
    { method: 'resources/subscribe', params: fc.record({ uri: fc.string({ maxLength: 40 }) }) },
    {
      method: 'logging/setLevel',
      params: fc.record({ level: fc.oneof(fc.constantFrom(...LOG_LEVELS), fc.string({ maxLength: 10 })) }),
    },
    {
      method: 'completion/complete',
      params: fc.record({
        ref: fc.oneof(
          fc.constant({ type: 'ref/prompt', name: 'review_pull_request' }),
          fc.constant({ type: 'ref/resource', uri: 'bitbucket://{workspace}/{repo}/file/{ref}/{+path}' }),
          anyJson,
        ),
        argument: fc.record({
          name: fc.constantFrom('workspace', 'repo', 'pullRequestId', 'x'),
          value: fc.string({ maxLength: 20 }),
        }),
      }),
    },
    { method: 'notifications/initialized', params: fc.constant(undefined), notification: true },
    {
      method: 'notifications/cancelled',
      params: fc.record({ requestId: messageId, reason: fc.string({ maxLength: 20 }) }),
      notification: true,
    },
    {
      method: 'notifications/progress',
      params: fc.record({ progressToken: messageId, progress: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
      notification: true,
    },
    { method: 'notifications/roots/list_changed', params: fc.constant(undefined), notification: true },
  ];
}

function message(template: MessageTemplate): fc.Arbitrary<unknown> {
  return fc.record({
    jsonrpc: jsonrpcMember,
    id:
      template.notification === true
        ? fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, messageId)
        : messageId,
    method: fc.oneof({ weight: 12, arbitrary: fc.constant(template.method) }, { weight: 1, arbitrary: oddMethod }),
    params: fc.oneof(
      { weight: 10, arbitrary: template.params },
      { weight: 1, arbitrary: wrongParams },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  });
}

/** A tool call, prompt or resource read as a message, now and then asking for progress (an SSE answer). */
function callMessage(calls: fc.Arbitrary<McpCall>): fc.Arbitrary<unknown> {
  return fc
    .record({ jsonrpc: jsonrpcMember, id: messageId, call: calls, progress: fc.boolean() })
    .map(({ jsonrpc, id, call, progress }) => ({
      jsonrpc,
      id,
      method: call.method,
      params: progress ? { ...call.params, _meta: { progressToken: 'fuzz' } } : call.params,
    }));
}

function headerValue(usual: string, others: readonly (string | null)[]): fc.Arbitrary<string | null> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(usual) },
    { weight: 3, arbitrary: fc.constantFrom(...others) },
    { weight: 1, arbitrary: printable(40) },
  );
}

const session: fc.Arbitrary<SessionChoice> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ use: 'shared' } as const) },
  { weight: 2, arbitrary: fc.constant({ use: 'fresh' } as const) },
  { weight: 2, arbitrary: fc.constant({ use: 'none' } as const) },
  { weight: 1, arbitrary: fc.oneof(fc.uuid(), printable(40)).map((id) => ({ use: 'id', id }) as const) },
);

/**
 * Raw HTTP exchanges of the protocol phase: valid JSON-RPC messages mutated (method, id of every JSON type,
 * jsonrpc, params of the wrong shape), batches (empty, with initialize), deep or huge bodies around the
 * body limit, non-JSON bodies, odd Content-Type, Accept, MCP-Protocol-Version, Origin and session ids, on
 * POST /mcp, DELETE /mcp and the legacy POST /messages. `calls` supplies the tool calls, prompts and reads.
 */
export function protocolExchangeArbitrary(calls: fc.Arbitrary<McpCall>): fc.Arbitrary<ProtocolExchange> {
  const initialize = message(initializeTemplate());
  const single = fc.oneof(
    { weight: 3, arbitrary: callMessage(calls) },
    { weight: 1, arbitrary: initialize },
    ...otherTemplates().map((template) => ({ weight: 1, arbitrary: message(template) })),
    { weight: 1, arbitrary: anyJson },
  );
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.tuple(single, fc.nat()).map(([value, cut]) => {
      const json = JSON.stringify(value) as string | undefined;
      return json === undefined ? '' : json.slice(0, cut % Math.max(1, json.length));
    }),
    fc.constantFrom(
      'null',
      '1',
      '"x"',
      'true',
      '{}',
      '[[]]',
      '{"jsonrpc":"2.0"}',
      '\ufeff{"jsonrpc":"2.0","id":1,"method":"ping"}',
      '{"jsonrpc":"2.0","id":1,"method":"ping"}{"jsonrpc":"2.0","id":2,"method":"ping"}',
      '{"jsonrpc":"2.0","id":1,"method":"ping","method":"tools/list"}',
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list_branches","arguments":{"workspace":"acme","repo":"payments-api","repo":".."}}}',
    ),
  );
  const body: fc.Arbitrary<ProtocolBody> = fc.oneof(
    { weight: 14, arbitrary: single.map((value) => ({ kind: 'json', value }) as const) },
    {
      weight: 4,
      arbitrary: fc.array(single, { maxLength: 4 }).map((value) => ({ kind: 'json', value }) as const),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(initialize, fc.array(single, { maxLength: 2 }))
        .map(([first, rest]) => ({ kind: 'json', value: [first, ...rest] }) as const),
    },
    { weight: 2, arbitrary: text.map((value) => ({ kind: 'text', text: value }) as const) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ kind: 'bytes', bytes }) as const) },
    {
      weight: 1,
      arbitrary: fc
        .record({ depth: fc.integer({ min: 100, max: 200_000 }), open: fc.constantFrom('[' as const, '{' as const) })
        .map(({ depth, open }) => ({ kind: 'deep', depth, open }) as const),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 100_000, max: 1_100_000 }).map((size) => ({ kind: 'huge', size }) as const),
    },
  );
  const headers = fc.record({
    'Content-Type': headerValue('application/json', [
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json-patch+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
      null,
    ]),
    Accept: headerValue(ACCEPT_BOTH, [
      'application/json',
      'text/event-stream',
      '*/*',
      'text/html',
      'application/json;q=0',
      '',
      null,
    ]),
    'MCP-Protocol-Version': headerValue(LATEST_PROTOCOL_VERSION, [
      ...SUPPORTED_PROTOCOL_VERSIONS,
      '',
      '2099-01-01',
      'latest',
      null,
    ]),
    Origin: fc.oneof(
      { weight: 12, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('http://127.0.0.1:1', 'null', 'http://attacker.invalid', 'file://') },
    ),
  });
  return fc.record({
    endpoint: fc.oneof(
      { weight: 12, arbitrary: fc.constant('POST /mcp' as const) },
      { weight: 3, arbitrary: fc.constant('POST /messages' as const) },
      { weight: 1, arbitrary: fc.constant('DELETE /mcp' as const) },
    ),
    session,
    headers,
    body,
  });
}
