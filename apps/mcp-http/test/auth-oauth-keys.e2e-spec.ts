import { setTimeout as sleep } from 'node:timers/promises';
import { decodeProtectedHeader } from 'jose';
import { FakeBitbucketProcess, OAuthServerProcess, type McpHttpProcess, type OutageMode } from '@app/testing';
import { bearer, listToolsRequest, openSession, post } from './mcp-http-client';
import {
  CredentialLedger,
  expectJwksFetches,
  expectTokenRefused,
  jwksFetches,
  mintToken,
  startResourceServer,
} from './oauth-resource-server';

/** OAUTH_JWKS_REFRESH_MS at its lowest allowed value: an outage must last longer for a refresh to fall in it. */
const JWKS_REFRESH_MS = 10000;
/** How long the server waits on the issuer (jwks-cache.ts FETCH_TIMEOUT_MS) before a hung fetch counts as failed. */
const JWKS_FETCH_TIMEOUT_MS = 5000;
/** A request should never wait on the authorization server anywhere near that long. */
const REQUEST_BUDGET_MS = 1000;
/** What the server logs when a refresh is due (debug), and when a fetch failed and it kept its keys (warn). */
const PERIODIC_REFRESH_LOG = /Fetching JWKS \S+ \(periodic refresh\)/g;
const KEPT_LAST_GOOD_KEYS = 'keeping the last good keys';

describe('signing keys of a real authorization server: rotation and outages (the built mcp-http app)', () => {
  let fake: FakeBitbucketProcess;
  const ledger = new CredentialLedger();
  /** Every authorization server and resource server of the suite, for the no-secret-in-logs check. */
  const processes: (OAuthServerProcess | McpHttpProcess)[] = [];

  /** An authorization server and the built server as its resource, both stopped (and their logs kept) by afterAll. */
  const startPair = async (env: Record<string, string>): Promise<[OAuthServerProcess, McpHttpProcess]> => {
    const oauth = await OAuthServerProcess.start();
    processes.push(oauth);
    ledger.record(oauth.client.clientSecret);
    await ledger.recordSigningKey(oauth);
    const server = await startResourceServer(oauth, fake, { AUTH_METHODS: 'oauth2', ...env });
    processes.push(server);
    return [oauth, server];
  };

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  afterAll(async () => {
    await Promise.all([...processes.map(async (process) => process.stop()), fake.stop()]);
    ledger.expectNoneIn(processes.map((process) => process.output).join('\n'));
  });

  it('picks up a rotated key without a restart, and refuses tokens of a retired key once it refetched the JWKS', async () => {
    const [oauth, server] = await startPair({ OAUTH_JWKS_MIN_REFETCH_MS: '0' });
    /** Opens a session with `token` and lists the tools in it: the status of that last request. */
    const useSession = async (token: string): Promise<number> => {
      const sessionId = await openSession(server.mcpUrl, bearer(token));
      return (await post(server.mcpUrl, listToolsRequest, { ...bearer(token), 'Mcp-Session-Id': sessionId })).status;
    };
    /** Rotates the keys; a token signed by the new one is accepted at once, after one JWKS fetch. */
    const rotateAndUseNewKey = async (keepPrevious: boolean): Promise<string> => {
      const kid = await oauth.rotateKeys({ keepPrevious });
      await ledger.recordSigningKey(oauth);
      const token = await mintToken(oauth, server, ledger);
      expect(decodeProtectedHeader(token).kid).toBe(kid);
      const fetchesBefore = jwksFetches(server);
      expect(await useSession(token)).toBe(200);
      await expectJwksFetches(server, fetchesBefore + 1);
      return token;
    };

    const firstToken = await mintToken(oauth, server, ledger);
    expect(await useSession(firstToken)).toBe(200);
    const secondToken = await rotateAndUseNewKey(true);
    // The previous key is still published: its tokens still pass.
    expect(await useSession(firstToken)).toBe(200);

    await rotateAndUseNewKey(false);
    // That refetch found the older keys retired.
    for (const retired of [firstToken, secondToken]) {
      await expectTokenRefused(
        await post(server.mcpUrl, listToolsRequest, bearer(retired)),
        server,
        'AUTH_INVALID_CREDENTIALS',
      );
    }
  });

  /**
   * Keys are cached by a first request; the authorization server then goes down past the moment a refresh is due, and
   * stays down until the server says that refresh failed (a hung fetch only fails at its timeout). Meanwhile every
   * request with a valid token passes, and none waits on the authorization server.
   */
  const rideOutOutage = async (mode: OutageMode): Promise<void> => {
    const [oauth, server] = await startPair({ OAUTH_JWKS_REFRESH_MS: String(JWKS_REFRESH_MS) });
    const token = await mintToken(oauth, server, ledger);
    const headers = { ...bearer(token), 'Mcp-Session-Id': await openSession(server.mcpUrl, bearer(token)) };
    const keysFetchedBy = Date.now();
    const logsBeforeOutage = server.output.length;
    const outageLogs = (): string => server.output.slice(logsBeforeOutage);

    await oauth.pause(mode);
    const deadline = keysFetchedBy + JWKS_REFRESH_MS + JWKS_FETCH_TIMEOUT_MS + 3000;
    while (!outageLogs().includes(KEPT_LAST_GOOD_KEYS)) {
      if (Date.now() > deadline) throw new Error(`${mode}: no failed JWKS refresh logged:\n${outageLogs()}`);
      const sentAt = Date.now();
      const res = await post(server.mcpUrl, listToolsRequest, headers);
      expect([mode, res.status, Date.now() - sentAt < REQUEST_BUDGET_MS]).toEqual([mode, 200, true]);
      await res.text();
      await sleep(250);
    }
    expect(Date.now() - keysFetchedBy).toBeGreaterThan(JWKS_REFRESH_MS);
    // One refresh fell in the outage, and it was not retried on every request.
    expect(outageLogs().match(PERIODIC_REFRESH_LOG)).toHaveLength(1);
    expect(outageLogs().split(KEPT_LAST_GOOD_KEYS)).toHaveLength(2);

    await oauth.resume();
    expect((await post(server.mcpUrl, listToolsRequest, headers)).status).toBe(200);
  };

  it(
    'keeps accepting valid tokens, without waiting, while the authorization server refuses connections or hangs',
    // Both outages at once, each with its own authorization server: the lowest refresh interval sets the length.
    async () => Promise.all((['refuse', 'hang'] as const).map(rideOutOutage)),
    JWKS_REFRESH_MS + JWKS_FETCH_TIMEOUT_MS + 10000,
  );
});
