import { englishSentencesIn, FakeBitbucketProcess, McpHttpProcess, OAuthServerProcess, REPO_ROOT } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { jsonRpcError, listToolsRequest, post } from './mcp-http-client';
import { startResourceServer } from './oauth-resource-server';

const API_KEY = 'alice-language-key-0123456789';
const CLIENT_INFO = { name: 'languages-e2e', version: '1.0.0' };
const MISSING_PULL_REQUEST = { workspace: 'acme', repo: 'payments-api', pullRequestId: 999 };
const STARTS_MS = 30000;

/** The message of `key` in `lang`'s catalogue, placeholders left in: what an answer in that language starts with. */
function catalogued(lang: string, file: string, key: string): string {
  const messages = JSON.parse(readFileSync(join(REPO_ROOT, 'i18n', lang, `${file}.json`), 'utf8')) as Record<
    string,
    string
  >;
  const message = messages[key];
  if (message === undefined) throw new Error(`i18n/${lang}/${file}.json has no ${key}`);
  return message;
}

/** The words of a catalogue message before its first placeholder: enough to tell which message and which language. */
const opening = (lang: string, file: string, key: string): string =>
  catalogued(lang, file, key).split('{')[0]?.trim() ?? '';

const textOf = (result: CallToolResult): string =>
  result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

/** A fetch that adds Accept-Language when `language()` names one, so one session's requests may differ. */
function fetchSpeaking(language: () => string | undefined): FetchLike {
  return async (url, init) => {
    const headers = new Headers(init?.headers);
    const lang = language();
    if (lang !== undefined) headers.set('Accept-Language', lang);
    return fetch(url, { ...init, headers });
  };
}

async function connected(transport: Transport): Promise<Client> {
  const client = new Client(CLIENT_INFO);
  await client.connect(transport);
  return client;
}

/** `text` is in `lang`: it holds the opening of `key`'s message in that language, and no English sentence. */
function expectIn(lang: string, text: string, file: string, key: string): void {
  expect(text).toContain(opening(lang, file, key));
  expect(englishSentencesIn(text)).toEqual([]);
}

describe('the language of every answer over HTTP (issue 13, the built mcp-http app)', () => {
  let fake: FakeBitbucketProcess;
  /** API keys, per-address limits on X-Forwarded-For (so a test can exhaust an address of its own), no retries. */
  let server: McpHttpProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    server = await McpHttpProcess.start({
      ...bitbucketEnv(fake, 'cloud'),
      AUTH_METHODS: 'apikey',
      AUTH_API_KEYS: `alice:${API_KEY}`,
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_AUTH_FAILURE_LIMIT: '2',
      BITBUCKET_RETRY_MAX: '0',
    });
  }, STARTS_MS);

  afterAll(async () => {
    await server.stop();
    await fake.stop();
  });

  afterEach(async () => {
    await fake.clearFaults();
  });

  const streamable = (language: () => string | undefined, target = server): StreamableHTTPClientTransport =>
    new StreamableHTTPClientTransport(target.mcpUrl, {
      requestInit: { headers: { 'X-API-Key': API_KEY } },
      fetch: fetchSpeaking(language),
    });

  describe.each(['fr', 'de'])('over Streamable HTTP with Accept-Language: %s', (lang) => {
    let client: Client;

    beforeAll(async () => {
      client = await connected(streamable(() => lang));
    });

    afterAll(async () => {
      await client.close();
    });

    it('words a validation error in it', async () => {
      const result = (await client.callTool({ name: 'get_pull_request', arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expectIn(lang, textOf(result), 'errors', 'TOOL_INVALID_ARGUMENTS');
    });

    it("words Bitbucket's not found in it, naming the pull request, without Bitbucket's English", async () => {
      const result = (await client.callTool({
        name: 'get_pull_request',
        arguments: MISSING_PULL_REQUEST,
      })) as CallToolResult;
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text).toContain('acme/payments-api');
      expect(text).toContain('999');
      expectIn(lang, text, 'errors', 'BITBUCKET_NOT_FOUND_PULL_REQUEST');
    });

    it("words Bitbucket's 429 in it", async () => {
      await fake.addFault({ path: '^/2\\.0/repositories/acme/payments-api/pullrequests/1$', status: 429 });
      const result = (await client.callTool({
        name: 'get_pull_request',
        arguments: { ...MISSING_PULL_REQUEST, pullRequestId: 1 },
      })) as CallToolResult;
      expect(textOf(result)).toContain('BITBUCKET_RATE_LIMITED');
      expectIn(lang, textOf(result), 'errors', 'BITBUCKET_RATE_LIMITED');
    });

    it('words a 401 and the 429 of too many refused credentials in it', async () => {
      // An address of this test's own: its refused credentials count against nobody else.
      const from = { 'Accept-Language': lang, 'X-Forwarded-For': lang === 'fr' ? '203.0.113.10' : '203.0.113.11' };
      const refusals = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const res = await post(server.mcpUrl, listToolsRequest, { ...from, 'X-API-Key': 'not-a-key-0123456789' });
        refusals.push({ status: res.status, error: await jsonRpcError(res) });
      }
      expect(refusals.map((refusal) => refusal.status)).toEqual([401, 401, 429]);
      expectIn(lang, refusals[0]?.error.message ?? '', 'errors', 'AUTH_INVALID_CREDENTIALS_API_KEY');
      expectIn(lang, refusals[2]?.error.message ?? '', 'errors', 'RATE_LIMITED_AUTH_FAILURES');
    });
  });

  it(
    'words a circuit-open refusal in the language asked, French then German',
    async () => {
      const breaking = await McpHttpProcess.start({
        ...bitbucketEnv(fake, 'cloud'),
        BITBUCKET_RETRY_MAX: '0',
        BITBUCKET_BREAKER_VOLUME_THRESHOLD: '3',
        BITBUCKET_BREAKER_ERROR_THRESHOLD_PERCENTAGE: '50',
        BITBUCKET_BREAKER_RESET_TIMEOUT_MS: '60000',
      });
      let language = 'fr';
      const client = await connected(
        new StreamableHTTPClientTransport(breaking.mcpUrl, { fetch: fetchSpeaking(() => language) }),
      );
      try {
        await fake.addFault({ path: '^/2\\.0/repositories/acme/identity-service', status: 503 });
        const call = async (): Promise<string> =>
          textOf(
            (await client.callTool({
              name: 'get_repository',
              arguments: { workspace: 'acme', repo: 'identity-service' },
            })) as CallToolResult,
          );
        for (let attempt = 0; attempt < 3; attempt += 1) expect(await call()).toContain('BITBUCKET_UPSTREAM_ERROR');
        const open = await call();
        expect(open).toContain('BITBUCKET_UPSTREAM_UNAVAILABLE');
        expectIn('fr', open, 'errors', 'BITBUCKET_UPSTREAM_UNAVAILABLE');
        language = 'de';
        const stillOpen = await call();
        expect(stillOpen).toContain('BITBUCKET_UPSTREAM_UNAVAILABLE');
        expectIn('de', stillOpen, 'errors', 'BITBUCKET_UPSTREAM_UNAVAILABLE');
      } finally {
        await client.close();
        await breaking.stop();
      }
    },
    STARTS_MS,
  );

  it('answers one request of an English session in French, and the next, naming none, in English', async () => {
    let language: string | undefined = 'en';
    const client = await connected(streamable(() => language));
    try {
      language = 'fr';
      const french = textOf(
        (await client.callTool({ name: 'get_pull_request', arguments: MISSING_PULL_REQUEST })) as CallToolResult,
      );
      expectIn('fr', french, 'errors', 'BITBUCKET_NOT_FOUND_PULL_REQUEST');
      language = undefined;
      const english = textOf(
        (await client.callTool({ name: 'get_pull_request', arguments: MISSING_PULL_REQUEST })) as CallToolResult,
      );
      expect(english).toContain(opening('en', 'errors', 'BITBUCKET_NOT_FOUND_PULL_REQUEST'));
    } finally {
      await client.close();
    }
  });

  it('does the same over legacy HTTP+SSE, a lang query parameter counting as naming one', async () => {
    let language: string | undefined;
    const client = await connected(
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy transport is what this test proves.
      new SSEClientTransport(server.sseUrl, {
        requestInit: { headers: { 'X-API-Key': API_KEY } },
        eventSourceInit: { fetch: fetchSpeaking(() => undefined) },
        fetch: fetchSpeaking(() => language),
      }),
    );
    try {
      language = 'fr-CA';
      const french = textOf(
        (await client.callTool({ name: 'get_pull_request', arguments: MISSING_PULL_REQUEST })) as CallToolResult,
      );
      expectIn('fr', french, 'errors', 'BITBUCKET_NOT_FOUND_PULL_REQUEST');
      language = undefined;
      const english = textOf((await client.callTool({ name: 'get_pull_request', arguments: {} })) as CallToolResult);
      expect(english).toContain(opening('en', 'errors', 'TOOL_INVALID_ARGUMENTS'));
    } finally {
      await client.close();
    }
  });

  it('answers a regional variant in its language, and an unknown language in the default', async () => {
    const refused = async (acceptLanguage: string): Promise<string> =>
      (await jsonRpcError(await post(server.mcpUrl, listToolsRequest, { 'Accept-Language': acceptLanguage }))).message;
    expectIn('fr', await refused('fr-CA'), 'errors', 'AUTH_CREDENTIALS_REQUIRED_API_KEY');
    expectIn('fr', await refused('xx, fr-BE;q=0.5'), 'errors', 'AUTH_CREDENTIALS_REQUIRED_API_KEY');
    expect(await refused('xx')).toBe(catalogued('en', 'errors', 'AUTH_CREDENTIALS_REQUIRED_API_KEY'));
    const lang = await post(new URL(`${server.mcpUrl.href}?lang=fr`), listToolsRequest, { 'Accept-Language': 'en' });
    expectIn('fr', (await jsonRpcError(lang)).message, 'errors', 'AUTH_CREDENTIALS_REQUIRED_API_KEY');
  });

  it(
    "answers in the language of the OAuth token's locale claim when the request names none",
    async () => {
      const oauth = await OAuthServerProcess.start();
      const resource = await startResourceServer(oauth, fake, { AUTH_METHODS: 'oauth2', BITBUCKET_RETRY_MAX: '0' });
      try {
        const token = await oauth.clientCredentialsToken({
          resource: resource.mcpUrl.href,
          extraClaims: { locale: 'de' },
        });
        const client = await connected(
          new StreamableHTTPClientTransport(resource.mcpUrl, {
            requestInit: { headers: { Authorization: `Bearer ${token}` } },
          }),
        );
        try {
          const text = textOf(
            (await client.callTool({ name: 'get_pull_request', arguments: MISSING_PULL_REQUEST })) as CallToolResult,
          );
          expectIn('de', text, 'errors', 'BITBUCKET_NOT_FOUND_PULL_REQUEST');
        } finally {
          await client.close();
        }
      } finally {
        await resource.stop();
        await oauth.stop();
      }
    },
    STARTS_MS,
  );
});
