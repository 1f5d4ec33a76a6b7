import { FakeBitbucketProcess, McpHttpProcess } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CompleteRequest } from '@modelcontextprotocol/sdk/types.js';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import type { Flavor } from '../../../test/tool-suite/tool-case';

const PROMPT = { type: 'ref/prompt', name: 'review_pull_request' } as const;
const FILE_TEMPLATE = { type: 'ref/resource', uri: 'bitbucket://{workspace}/{repo}/file/{ref}/{+path}' } as const;

/** What each flavor calls the owner of payments-api (a Cloud workspace, a Data Center project key). */
const OWNER: Readonly<Record<Flavor, string>> = { cloud: 'acme', datacenter: 'PLAT' };

describe.each<Flavor>(['cloud', 'datacenter'])(
  'completion/complete on Bitbucket %s (the built mcp-http app, an SDK client)',
  (flavor) => {
    let fake: FakeBitbucketProcess;
    let server: McpHttpProcess;
    let client: Client;
    const owner = OWNER[flavor];

    const complete = async (
      ref: CompleteRequest['params']['ref'],
      name: string,
      value: string,
      context: Record<string, string> = {},
    ) => (await client.complete({ ref, argument: { name, value }, context: { arguments: context } })).completion;

    beforeAll(async () => {
      fake = await FakeBitbucketProcess.start();
      server = await McpHttpProcess.start(bitbucketEnv(fake, flavor));
      client = new Client({ name: 'completions', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(server.mcpUrl));
    });

    afterAll(async () => {
      await client.close();
      await server.stop();
      await fake.stop();
    });

    it('declares the completions capability', () => {
      expect(client.getServerCapabilities()?.completions).toEqual({});
    });

    it('completes the workspace (Cloud) or project key (Data Center), those starting with the typed text first', async () => {
      const all = await complete(PROMPT, 'workspace', '');
      expect(all.values).toContain(owner);
      expect(all.hasMore).toBe(false);
      const typed = await complete(PROMPT, 'workspace', owner.slice(0, 2).toLowerCase());
      expect(typed.values[0]?.toLowerCase().startsWith(owner.slice(0, 2).toLowerCase())).toBe(true);
      expect(typed.values).toContain(owner);
    });

    it('completes the repository of the chosen workspace by name', async () => {
      const result = await complete(PROMPT, 'repo', 'pay', { workspace: owner });
      expect(result.values).toEqual(['payments-api']);
      expect(await complete(PROMPT, 'repo', '', {})).toEqual({ values: [], hasMore: false });
    });

    it('completes the open pull requests of the chosen repository', async () => {
      const all = await complete(PROMPT, 'pullRequestId', '', { workspace: owner, repo: 'payments-api' });
      expect([...all.values].sort()).toEqual(['3', '4', '5', '8']);
      expect((await complete(PROMPT, 'pullRequestId', '8', { workspace: owner, repo: 'payments-api' })).values).toEqual(
        ['8'],
      );
    });

    it("completes the resource template's ref with the repository's branches", async () => {
      const result = await complete(FILE_TEMPLATE, 'ref', 'feature/i', { workspace: owner, repo: 'payments-api' });
      expect(result.values).toEqual(['feature/idempotency']);
      expect((await complete(FILE_TEMPLATE, 'workspace', '')).values).toContain(owner);
      expect((await complete(FILE_TEMPLATE, 'repo', 'identity', { workspace: owner })).values).toEqual([
        'identity-service',
      ]);
    });

    it('answers an empty list when Bitbucket refuses (an unknown workspace) or has no completer for the argument', async () => {
      expect(await complete(PROMPT, 'repo', 'pay', { workspace: 'no-such-workspace' })).toEqual({
        values: [],
        hasMore: false,
      });
      expect(await complete(FILE_TEMPLATE, 'path', 'src/')).toEqual({ values: [], hasMore: false });
      // The server keeps serving.
      expect((await complete(PROMPT, 'workspace', '')).values).toContain(owner);
    });
  },
);
