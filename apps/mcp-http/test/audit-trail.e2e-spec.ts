import { FakeBitbucketProcess, McpHttpProcess, readAuditRecords } from '@app/testing';
import type { AuditRecord } from '@app/audit';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { randomBytes } from 'node:crypto';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { openSession, post, toolCallRequest } from './mcp-http-client';
import { Started } from './started';

const WRITER_KEY = 'writer-key-0123456789abcdef';
const READER_KEY = 'reader-key-0123456789abcdef';
const CALLER_SPAN = '00f067aa0ba902b7';
const REPOSITORY = { workspace: 'acme', repo: 'payments-api' };
/** Write calls allowed per principal per window: the writer's fifth is refused. */
const WRITE_LIMIT = 4;

const traceparent = (traceId: string): string => `00-${traceId}-${CALLER_SPAN}-01`;

describe('the audit trail over Streamable HTTP and legacy SSE (the built mcp-http app, API keys, the fake)', () => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;
  const started = new Started();

  beforeAll(async () => {
    fake = started.add(await FakeBitbucketProcess.start(), async (running) => running.stop());
    server = started.add(
      await McpHttpProcess.start({
        ...bitbucketEnv(fake, 'cloud'),
        AUTH_METHODS: 'apikey',
        AUTH_API_KEYS: `writer:${WRITER_KEY},reader:${READER_KEY}[bitbucket:read]`,
        RATE_LIMIT_WRITE_LIMIT: String(WRITE_LIMIT),
      }),
      async (running) => running.stop(),
    );
  }, 30000);

  afterAll(async () => started.stopAll(), 30000);

  /** An SDK client over `transport`, calling as the writer with a traceparent of `traceId`. */
  async function sdkClient(transport: 'streamable-http' | 'sse', traceId: string): Promise<Client> {
    const requestInit = { headers: { 'X-API-Key': WRITER_KEY, traceparent: traceparent(traceId) } };
    const client = new Client({ name: 'audit', version: '1.0.0' });
    await client.connect(
      transport === 'sse'
        ? // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy transport is what this test proves.
          new SSEClientTransport(server.sseUrl, { requestInit })
        : new StreamableHTTPClientTransport(server.mcpUrl, { requestInit }),
    );
    return client;
  }

  it('records each write call (not reads) with its principal, target, outcome, correlation id and trace id; refusals too', async () => {
    const traceIds = { http: randomBytes(16).toString('hex'), sse: randomBytes(16).toString('hex') };
    for (const transport of ['streamable-http', 'sse'] as const) {
      const client = await sdkClient(transport, transport === 'sse' ? traceIds.sse : traceIds.http);
      try {
        const read = (await client.callTool({ name: 'get_repository', arguments: REPOSITORY })) as CallToolResult;
        expect(read.isError).not.toBe(true);
        const branch = (await client.callTool({
          name: 'create_branch',
          arguments: { ...REPOSITORY, name: `audit/${transport}`, startPoint: 'main' },
        })) as CallToolResult;
        expect(branch.isError).not.toBe(true);
      } finally {
        await client.close();
      }
    }

    // Raw exchanges for the refusals: invalid arguments, not confirmed, over the write limit, over scope.
    const writer = await openSession(server.mcpUrl, { 'X-API-Key': WRITER_KEY });
    const asWriter = { 'X-API-Key': WRITER_KEY, 'Mcp-Session-Id': writer };
    const invalid = await post(
      server.mcpUrl,
      toolCallRequest('create_branch', { ...REPOSITORY, name: 'a..b', startPoint: 'main' }),
      asWriter,
    );
    expect(await invalid.text()).toContain('TOOL_INVALID_ARGUMENTS');
    const unconfirmed = await post(
      server.mcpUrl,
      toolCallRequest('delete_branch', { ...REPOSITORY, name: 'audit/sse' }),
      asWriter,
    );
    expect(await unconfirmed.text()).toContain('TOOL_CONFIRMATION_REQUIRED');
    const comment = { ...REPOSITORY, pullRequestId: 3, text: 'The secret plan: never audit me' };
    const limited = await post(server.mcpUrl, toolCallRequest('add_pull_request_comment', comment), asWriter);
    expect(limited.status).toBe(429);
    await limited.text();
    const reader = await openSession(server.mcpUrl, { 'X-API-Key': READER_KEY });
    const asReader = { 'X-API-Key': READER_KEY, 'Mcp-Session-Id': reader };
    const overScope = await post(server.mcpUrl, toolCallRequest('add_pull_request_comment', comment), asReader);
    expect(overScope.status).toBe(403);
    await overScope.text();
    const readerRead = await post(server.mcpUrl, toolCallRequest('get_repository', REPOSITORY), asReader);
    expect(readerRead.status).toBe(200);
    await readerRead.text();

    // Records are flushed as written; the file is complete once the server stops.
    await server.stop();
    const records = readAuditRecords(server.logDir);
    const line = (record: AuditRecord): Partial<AuditRecord> => {
      const { principal, tool, target, outcome, traceId } = record;
      return { principal, tool, target, outcome, ...(traceId === undefined ? {} : { traceId }) };
    };
    expect(records.map(line)).toEqual([
      {
        principal: 'apikey:writer',
        tool: 'create_branch',
        target: { ...REPOSITORY, name: 'audit/streamable-http', startPoint: 'main' },
        outcome: 'OK',
        traceId: traceIds.http,
      },
      {
        principal: 'apikey:writer',
        tool: 'create_branch',
        target: { ...REPOSITORY, name: 'audit/sse', startPoint: 'main' },
        outcome: 'OK',
        traceId: traceIds.sse,
      },
      { principal: 'apikey:writer', tool: 'create_branch', target: {}, outcome: 'TOOL_INVALID_ARGUMENTS' },
      {
        principal: 'apikey:writer',
        tool: 'delete_branch',
        target: { ...REPOSITORY, name: 'audit/sse' },
        outcome: 'TOOL_CONFIRMATION_REQUIRED',
      },
      { principal: 'apikey:writer', tool: 'add_pull_request_comment', target: {}, outcome: 'RATE_LIMITED_WRITE_TOOLS' },
      { principal: 'apikey:reader', tool: 'add_pull_request_comment', target: {}, outcome: 'AUTH_INSUFFICIENT_SCOPE' },
    ]);
    expect(records.every((record) => record.app === 'mcp-http' && record.correlationId.length > 0)).toBe(true);
    expect(JSON.stringify(records)).not.toContain('secret plan');
    // The write limit and scope refusals happened before the call ran: no duration.
    expect(records.slice(0, 4).every((record) => typeof record.durationMs === 'number')).toBe(true);
    expect(records.slice(4).some((record) => 'durationMs' in record)).toBe(false);
  }, 30000);
});
