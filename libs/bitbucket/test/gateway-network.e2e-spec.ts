import { FakeBitbucketProcess, withEnvironment } from '@app/testing';
import { BitbucketErrorCode } from '../src/bitbucket-error-code.enum';
import { BitbucketEvents } from '../src/bitbucket-events';
import { createBitbucketUpstream } from '../src/bitbucket-upstream.factory';
import { CloudApi } from '../src/cloud/cloud-api';
import { CloudContextApi } from '../src/cloud/cloud-context.api';
import { CloudRepositoriesApi } from '../src/cloud/cloud-repositories.api';
import { DatacenterApi } from '../src/datacenter/datacenter-api';
import { DatacenterContextApi } from '../src/datacenter/datacenter-context.api';
import type { BitbucketUpstream } from '../src/upstream/bitbucket-upstream';
import { gatewayFailure } from './gateway-failure';
import { BitbucketFront } from './bitbucket-front';
import { ForwardingProxy } from './forwarding-proxy';
import { configFor } from './gateway-config';
import { TestPki } from './test-pki';
import { testPageCursors } from './test-page-cursors';

type Env = Record<string, string>;

const CLOUD_CREDENTIALS: Env = { BITBUCKET_EMAIL: 'alice@acme.example', BITBUCKET_API_TOKEN: 'ATATT-fake-alice' };
const DATACENTER_CREDENTIALS: Env = { BITBUCKET_USERNAME: 'alice', BITBUCKET_PASSWORD: 'alice-password' };

describe('Bitbucket gateway network options (real sockets, the fake Bitbucket)', () => {
  let fake: FakeBitbucketProcess;
  const upstreams: BitbucketUpstream[] = [];
  const servers: { close(): Promise<void> }[] = [];

  /** An upstream configured by `env`, closed after the test. */
  const upstreamFor = (env: Env): BitbucketUpstream => {
    const upstream = createBitbucketUpstream(configFor(env), new BitbucketEvents());
    upstreams.push(upstream);
    return upstream;
  };
  const cloudContext = (env: Env): CloudContextApi =>
    new CloudContextApi(
      new CloudApi(upstreamFor({ BITBUCKET_URL: fake.cloudUrl, ...CLOUD_CREDENTIALS, ...env }), testPageCursors()),
    );
  const currentUserName = async (env: Env): Promise<string> => (await cloudContext(env).getCurrentUser()).name;
  /** A proxy or front, closed after the test. */
  const started = async <T extends { close(): Promise<void> }>(starting: Promise<T>): Promise<T> => {
    const server = await starting;
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterEach(async () => {
    await Promise.all(upstreams.splice(0).map(async (upstream) => upstream.close()));
    await Promise.all(servers.splice(0).map(async (server) => server.close()));
  });
  afterAll(async () => {
    await fake.stop();
  });

  describe('HTTP_PROXY and NO_PROXY', () => {
    it('sends calls through HTTP_PROXY in absolute form and gets their answers', async () => {
      const proxy = await started(ForwardingProxy.start());
      expect(await currentUserName({ HTTP_PROXY: proxy.url })).toBe('alice');
      expect(proxy.proxied).toEqual([{ method: 'GET', target: `${fake.url}/2.0/user` }]);
      expect(await fake.requests({ path: '^/2.0/user$' })).toHaveLength(1);
    });

    it('goes straight to Bitbucket when NO_PROXY names its host, or its host and port, but not another port', async () => {
      const proxy = await started(ForwardingProxy.start());
      const { host, hostname } = new URL(fake.url);
      for (const noProxy of [hostname, host, `.internal.example.com,${host}`]) {
        expect(await currentUserName({ HTTP_PROXY: proxy.url, NO_PROXY: noProxy })).toBe('alice');
      }
      expect(proxy.proxied).toEqual([]);
      expect(await currentUserName({ HTTP_PROXY: proxy.url, NO_PROXY: `${hostname}:1` })).toBe('alice');
      expect(proxy.proxied).toHaveLength(1);
      expect(await fake.requests({ path: '^/2.0/user$' })).toHaveLength(4);
    });

    it('takes its proxies from its configuration only, not from http_proxy in the process environment', async () => {
      const proxy = await started(ForwardingProxy.start());
      // Only https:// URLs would use HTTPS_PROXY; undici would take the plain-HTTP proxy from http_proxy if let.
      const context = withEnvironment({ http_proxy: proxy.url }, () => cloudContext({ HTTPS_PROXY: proxy.url }));
      expect((await context.getCurrentUser()).name).toBe('alice');
      expect(proxy.proxied).toEqual([]);
    });
  });

  describe('extra CA and mutual TLS (Data Center behind a TLS front requiring a client certificate)', () => {
    let pki: TestPki;
    let front: BitbucketFront;

    const datacenterContext = (env: Env): DatacenterContextApi =>
      new DatacenterContextApi(
        new DatacenterApi(
          upstreamFor({ BITBUCKET_URL: front.url, ...DATACENTER_CREDENTIALS, ...env }),
          testPageCursors(),
        ),
      );
    const clientCertificate = (): Env => ({
      BITBUCKET_CA_FILE: pki.caFile,
      BITBUCKET_CLIENT_CERT_FILE: pki.clientCertFile,
      BITBUCKET_CLIENT_KEY_FILE: pki.clientKeyFile,
      BITBUCKET_CLIENT_KEY_PASSPHRASE: pki.clientKeyPassphrase,
    });

    beforeAll(async () => {
      pki = await TestPki.create();
    });
    beforeEach(async () => {
      front = await started(BitbucketFront.start(fake.url, await pki.frontTls()));
    });
    afterAll(async () => {
      await pki.remove();
    });

    it('does not trust the private CA without BITBUCKET_CA_FILE: a TLS failure for operators, not retried', async () => {
      const error = await gatewayFailure(datacenterContext({}).getCurrentUser());
      expect(error.code).toBe(BitbucketErrorCode.UPSTREAM_UNAVAILABLE);
      expect(error.message).toBe(
        "GET /rest/api/latest/projects: Bitbucket's TLS certificate is not trusted (SELF_SIGNED_CERT_IN_CHAIN); a private CA goes in BITBUCKET_CA_FILE",
      );
      // Users get the code and its parameters: nothing about certificates.
      expect(error.params).toEqual({ retryAfterSeconds: 0 });
      // One connection: a certificate problem is not retried.
      expect(front.connections).toBe(1);
      expect(await fake.requests()).toEqual([]);
    });

    it('is refused by the front without a client certificate, and says a client certificate may be missing', async () => {
      const error = await gatewayFailure(
        datacenterContext({ BITBUCKET_CA_FILE: pki.caFile, BITBUCKET_RETRY_MAX: '0' }).getCurrentUser(),
      );
      expect(error.code).toBe(BitbucketErrorCode.UPSTREAM_UNAVAILABLE);
      expect(error.message).toBe(
        'GET /rest/api/latest/projects: TLS connection closed before any answer (UND_ERR_SOCKET); a server that requires a client certificate does this when it gets none or one it does not trust (BITBUCKET_CLIENT_CERT_FILE)',
      );
      expect(front.refusedHandshakes).toEqual(['ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE']);
      expect(front.clientCommonNames).toEqual([]);
      expect(await fake.requests()).toEqual([]);
    });

    it('presents the client certificate, its key opened with the passphrase, and gets its answers', async () => {
      expect((await datacenterContext(clientCertificate()).getCurrentUser()).name).toBe('alice');
      // Data Center's current user takes two requests.
      expect(front.clientCommonNames).toEqual([TestPki.CLIENT_COMMON_NAME, TestPki.CLIENT_COMMON_NAME]);
      expect(front.refusedHandshakes).toEqual([]);
    });

    it('fails at start, naming the variables, when the passphrase does not open the client key', () => {
      expect(() =>
        upstreamFor({ ...clientCertificate(), BITBUCKET_CLIENT_KEY_PASSPHRASE: 'not-the-passphrase' }),
      ).toThrow(
        /BITBUCKET_CLIENT_KEY_FILE: unusable with BITBUCKET_CLIENT_CERT_FILE \(a wrong BITBUCKET_CLIENT_KEY_PASSPHRASE/,
      );
    });

    it('tunnels through HTTPS_PROXY with CONNECT, the CA and client certificate applying inside the tunnel', async () => {
      const proxy = await started(ForwardingProxy.start());
      expect((await datacenterContext({ ...clientCertificate(), HTTPS_PROXY: proxy.url }).getCurrentUser()).name).toBe(
        'alice',
      );
      // One tunnel per pooled connection: undici may open a second one for the second request.
      expect(new Set(proxy.proxied.map(({ method, target }) => `${method} ${target}`))).toEqual(
        new Set([`CONNECT ${new URL(front.url).host}`]),
      );
      expect(front.clientCommonNames).toEqual([TestPki.CLIENT_COMMON_NAME, TestPki.CLIENT_COMMON_NAME]);
    });
  });

  describe('BITBUCKET_MAX_CONNECTIONS', () => {
    const LATENCY_MS = 300;
    const REPOSITORIES = [
      'design-system',
      'identity-service',
      'infra-config',
      'payments-api',
      'release-notes',
      'web-portal',
    ];

    beforeEach(async () => {
      await fake.addFault({ path: '^/2.0/repositories/acme/[^/]+$', latencyMs: LATENCY_MS });
    });

    /** Reads the six repositories at once, each answer delayed by the fake; gives the time it took. */
    const readSixRepositoriesAtOnce = async (baseUrl: string, env: Env): Promise<number> => {
      const api = new CloudRepositoriesApi(
        new CloudApi(upstreamFor({ BITBUCKET_URL: baseUrl, ...CLOUD_CREDENTIALS, ...env }), testPageCursors()),
      );
      const startedAt = performance.now();
      const repositories = await Promise.all(
        REPOSITORIES.map(async (repo) => api.getRepository({ workspace: 'acme', repo })),
      );
      expect(repositories.map((repository) => repository.slug)).toEqual(REPOSITORIES);
      return performance.now() - startedAt;
    };

    it('never has more than 2 requests open at Bitbucket with 2 connections, where 6 would be open without', async () => {
      const capped = await started(BitbucketFront.start(fake.url));
      const elapsedMs = await readSixRepositoriesAtOnce(`${capped.url}/2.0`, { BITBUCKET_MAX_CONNECTIONS: '2' });
      expect(capped.gauge.peak).toBe(2);
      expect(capped.connections).toBe(2);
      // Three rounds of two, one after the other.
      expect(elapsedMs).toBeGreaterThanOrEqual(3 * LATENCY_MS);

      const uncapped = await started(BitbucketFront.start(fake.url));
      await readSixRepositoriesAtOnce(`${uncapped.url}/2.0`, {});
      expect(uncapped.gauge.peak).toBe(6);
    });

    it('keeps the cap through HTTP_PROXY', async () => {
      const proxy = await started(ForwardingProxy.start());
      await readSixRepositoriesAtOnce(fake.cloudUrl, { HTTP_PROXY: proxy.url, BITBUCKET_MAX_CONNECTIONS: '2' });
      expect(proxy.proxied).toHaveLength(6);
      expect(proxy.gauge.peak).toBe(2);
    });
  });
});
