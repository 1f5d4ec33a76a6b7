import { FakeBitbucketProcess, McpHttpProcess, type FakeRequestRecord } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { openSession, post, toolCallRequest } from './mcp-http-client';
import { Started } from './started';

const CALLER_SPAN = '00f067aa0ba902b7';
const TRACESTATE = 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7';

interface LogLine {
  readonly message: string;
  readonly correlationId?: string;
  readonly traceId?: string;
}

describe('W3C trace context from the caller to Bitbucket and into the log (the built mcp-http app and the fake)', () => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;
  let session: string;
  const started = new Started();

  beforeAll(async () => {
    fake = started.add(await FakeBitbucketProcess.start(), async (running) => running.stop());
    server = started.add(
      await McpHttpProcess.start({ ...bitbucketEnv(fake, 'cloud'), LOG_LEVEL: 'debug' }),
      async (running) => running.stop(),
    );
    session = await openSession(server.mcpUrl);
  }, 30000);

  afterAll(async () => started.stopAll(), 30000);

  /** Calls get_pull_request_diff (several requests to Bitbucket, redirects included) with `headers`; what the fake received for it. */
  async function callWith(
    headers: Record<string, string>,
  ): Promise<{ correlationId: string; upstream: FakeRequestRecord[] }> {
    await fake.clearRequests();
    const res = await post(
      server.mcpUrl,
      toolCallRequest('get_pull_request_diff', { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 }),
      { 'Mcp-Session-Id': session, ...headers },
    );
    const answer = (await res.json()) as { result: { isError?: boolean } };
    expect(answer.result.isError).not.toBe(true);
    const upstream = await fake.requests({ path: '^/2\\.0/' });
    expect(upstream.length).toBeGreaterThan(0);
    return { correlationId: res.headers.get('x-request-id') ?? '', upstream };
  }

  it('forwards the caller’s trace id to every request to Bitbucket, each with a parent id of its own, tracestate passed through', async () => {
    const traceId = randomBytes(16).toString('hex');
    const { correlationId, upstream } = await callWith({
      traceparent: `00-${traceId}-${CALLER_SPAN}-01`,
      tracestate: TRACESTATE,
    });
    const spans = upstream.map((record) => {
      const match = new RegExp(`^00-${traceId}-([0-9a-f]{16})-01$`).exec(record.traceparent ?? '');
      expect(match).not.toBeNull();
      expect(record.tracestate).toBe(TRACESTATE);
      return match?.[1];
    });
    // Several hops (Cloud redirects a pull request's diff and diffstat), each its own span.
    expect(spans.length).toBeGreaterThan(1);
    expect(spans).not.toContain(CALLER_SPAN);
    expect(new Set(spans).size).toBe(spans.length);

    // The server's log lines for this call carry the trace id beside the correlation id.
    const lines = server.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => line.correlationId === correlationId);
    expect(lines.map((line) => line.message)).toContain('Tool get_pull_request_diff answered');
    expect(lines.every((line) => line.traceId === traceId)).toBe(true);
  });

  it('keeps the sampled flag off when the caller’s is off', async () => {
    const traceId = randomBytes(16).toString('hex');
    const { upstream } = await callWith({ traceparent: `00-${traceId}-${CALLER_SPAN}-00` });
    for (const record of upstream) {
      expect(record.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
      expect(record).not.toHaveProperty('tracestate');
    }
  });

  it.each([
    ['no traceparent', {}],
    [
      'an invalid traceparent (upper case)',
      { traceparent: `00-${'AB'.repeat(16)}-${CALLER_SPAN}-01`, tracestate: TRACESTATE },
    ],
    ['an invalid traceparent (all-zero trace id)', { traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN}-01` }],
  ])('sends Bitbucket no trace context and logs no trace id for %s', async (_what, headers: Record<string, string>) => {
    const { correlationId, upstream } = await callWith(headers);
    for (const record of upstream) {
      expect(record).not.toHaveProperty('traceparent');
      expect(record).not.toHaveProperty('tracestate');
    }
    const lines = server.output
      .split('\n')
      .filter((line) => line.includes(correlationId))
      .map((line) => JSON.parse(line) as LogLine);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.traceId !== undefined)).toBe(false);
  });
});
