import { decodeJwt } from 'jose';
import { FakeBitbucketProcess, OAuthServerProcess, type McpHttpProcess, textAnswer } from '@app/testing';
import { bearer, listToolsRequest, openSession, post, toolCallRequest } from './mcp-http-client';
import {
  CredentialLedger,
  expectTokenRefused,
  mintToken,
  openLegacyStream,
  openStandaloneStream,
  startResourceServer,
} from './oauth-resource-server';
import { SseReader } from './sse-reader';

const TOKEN_TTL_SECONDS = 4;
/** The Bitbucket request of get_repository acme/payments-api (a regular expression, as the fake takes paths). */
const REPOSITORY_PATH = '^/2\\.0/repositories/acme/payments-api$';
/** How much later than the token a call authorized before its expiry finishes. */
const CALL_OUTLIVES_TOKEN_MS = 1000;
/** Timers may fire a millisecond early; the stream end reaches the client a little after. */
const TIMER_SLACK_MS = 50;
const STREAM_CLOSE_BUDGET_MS = 1000;

describe('an OAuth access token expiring mid-operation (the built mcp-http app)', () => {
  let oauth: OAuthServerProcess;
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;
  const ledger = new CredentialLedger();

  beforeAll(async () => {
    [oauth, fake] = await Promise.all([OAuthServerProcess.start(), FakeBitbucketProcess.start()]);
    ledger.record(oauth.client.clientSecret);
    await ledger.recordSigningKey(oauth);
    // No clock skew tolerance: the token expires when its `exp` says, to the second.
    server = await startResourceServer(oauth, fake, { AUTH_METHODS: 'oauth2', OAUTH_CLOCK_SKEW_SECONDS: '0' });
  });

  afterAll(async () => {
    await Promise.all([server.stop(), fake.stop(), oauth.stop()]);
    ledger.expectNoneIn([server.output, oauth.output].join('\n'));
  });

  it('finishes a call authorized before expiry, closes the streams the token opened (standalone, legacy, resumed) at expiry, then answers 401 expired', async () => {
    const token = await mintToken(oauth, server, ledger, { ttlSeconds: TOKEN_TTL_SECONDS });
    const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
    const sessionId = await openSession(server.mcpUrl, bearer(token));
    const headers = { ...bearer(token), 'Mcp-Session-Id': sessionId };
    // A call answered as SSE (it asks for progress) leaves an event id a client can resume from.
    const streamed = await post(
      server.mcpUrl,
      {
        ...toolCallRequest('get_current_user', {}),
        params: { name: 'get_current_user', arguments: {}, _meta: { progressToken: 'p' } },
      },
      headers,
    );
    const resumeFrom = /^id: (\S+)$/m.exec(await streamed.text())?.[1];
    expect(resumeFrom).toEqual(expect.any(String));

    // Bitbucket answers the call slowly, so that it ends after the token did.
    await fake.addFault({
      path: REPOSITORY_PATH,
      latencyMs: expiresAt - Date.now() + CALL_OUTLIVES_TOKEN_MS,
      times: 1,
    });
    const call = post(
      server.mcpUrl,
      toolCallRequest('get_repository', { workspace: 'acme', repo: 'payments-api' }),
      headers,
    ).then(async (res) => ({ res, body: await res.json(), at: Date.now() }));

    // The call is authorized and waiting on Bitbucket; the streams open meanwhile, as a client reconnecting them would.
    await fake.waitForPendingRequest(REPOSITORY_PATH);
    const streams = await Promise.all([
      openStandaloneStream(server, sessionId, token),
      openLegacyStream(server, token),
      openStandaloneStream(server, sessionId, token, resumeFrom),
    ]);
    for (const stream of streams) {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
    }
    const [standalone, legacy, resumed] = streams.map((stream) => new SseReader(stream));
    await legacy?.waitFor(/^event: endpoint$/m);
    const streamsEndedAt = [standalone, legacy, resumed].map(async (reader) => {
      await reader?.ended();
      return Date.now();
    });

    const answer = await call;
    expect(answer.at).toBeGreaterThan(expiresAt);
    expect(answer.res.status).toBe(200);
    expect(answer.res.headers.get('content-type')).toContain('application/json');
    expect(answer.body).toMatchObject({ result: textAnswer('acme/payments-api') });

    for (const endedAt of await Promise.all(streamsEndedAt)) {
      expect(endedAt).toBeGreaterThanOrEqual(expiresAt - TIMER_SLACK_MS);
      expect(endedAt).toBeLessThan(expiresAt + STREAM_CLOSE_BUDGET_MS);
    }

    const next = await post(server.mcpUrl, listToolsRequest, headers);
    await expectTokenRefused(next, server, 'AUTH_TOKEN_EXPIRED');
  }, 15000);
});
