import { englishSentencesIn, FakeBitbucketProcess, REPO_ROOT } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';

const MISSING_PULL_REQUEST = { workspace: 'acme', repo: 'payments-api', pullRequestId: 999 };

/** The words of `key`'s French message before its first placeholder. */
const frenchOpening = (key: string): string =>
  (JSON.parse(readFileSync(join(REPO_ROOT, 'i18n', 'fr', 'errors.json'), 'utf8')) as Record<string, string>)[key]
    ?.split('{')[0]
    ?.trim() ?? key;

const textOf = (result: CallToolResult): string =>
  result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

describe('the language of the stdio server (issue 13, the built mcp-stdio app)', () => {
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  const started = async (env: Record<string, string>): Promise<Client> => {
    const client = new Client({ name: 'languages-stdio', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ['dist/apps/mcp-stdio/main.js'],
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, ...bitbucketEnv(fake, 'cloud') },
        stderr: 'pipe',
      }),
    );
    return client;
  };

  it('answers in the language of LANG=fr_FR.UTF-8, without an English sentence', async () => {
    const client = await started({ LANG: 'fr_FR.UTF-8' });
    try {
      const notFound = textOf(
        (await client.callTool({ name: 'get_pull_request', arguments: MISSING_PULL_REQUEST })) as CallToolResult,
      );
      expect(notFound).toContain(frenchOpening('BITBUCKET_NOT_FOUND_PULL_REQUEST'));
      expect(notFound).toContain('acme/payments-api');
      expect(englishSentencesIn(notFound)).toEqual([]);
      const invalid = textOf((await client.callTool({ name: 'get_pull_request', arguments: {} })) as CallToolResult);
      expect(invalid).toContain(frenchOpening('TOOL_INVALID_ARGUMENTS'));
      expect(englishSentencesIn(invalid)).toEqual([]);
    } finally {
      await client.close();
    }
  }, 15000);

  it('lets BITBUCKET_MCP_LOCALE win over LANG, and a C locale leave the default', async () => {
    const english = await started({ BITBUCKET_MCP_LOCALE: 'en-GB', LANG: 'fr_FR.UTF-8' });
    const posix = await started({ LC_ALL: 'C', LANG: 'fr_FR.UTF-8', DEFAULT_LOCALE: 'en' });
    try {
      for (const client of [english, posix]) {
        const text = textOf((await client.callTool({ name: 'get_pull_request', arguments: {} })) as CallToolResult);
        expect(text).toMatch(/^Invalid arguments for get_pull_request/);
      }
    } finally {
      await english.close();
      await posix.close();
    }
  }, 15000);
});
