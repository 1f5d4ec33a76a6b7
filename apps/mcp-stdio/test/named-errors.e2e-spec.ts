import { englishSentencesIn, FakeBitbucketProcess, REPO_ROOT, stdioServerTransport } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import type { Flavor } from '../../../test/tool-suite/tool-case';

/** `key`'s message in `lang`, its placeholders filled from `params`, as the server renders it. */
const message = (lang: string, key: string, params: Record<string, string>): string => {
  const catalogue = JSON.parse(readFileSync(join(REPO_ROOT, 'i18n', lang, 'errors.json'), 'utf8')) as Record<
    string,
    string
  >;
  return (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (_whole, name: string) => params[name] ?? `{${name}}`);
};

const textOf = (result: CallToolResult): string =>
  result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

interface NamedError {
  readonly title: string;
  readonly tool: string;
  readonly args: Record<string, unknown>;
  readonly code: string;
  readonly key: string;
  readonly params: Record<string, string>;
}

const CLOUD: readonly NamedError[] = [
  {
    title: 'a wrong repository names it and list_repositories',
    tool: 'get_repository',
    args: { workspace: 'acme', repo: 'paymnts-api' },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_REPOSITORY',
    params: { repository: 'acme/paymnts-api', owner: 'acme' },
  },
  {
    // Cloud answers both in the same words: the server asks the workspace itself.
    title: 'a wrong workspace under a right repository name names the workspace and list_workspaces',
    tool: 'get_repository',
    args: { workspace: 'acmee', repo: 'payments-api' },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_WORKSPACE',
    params: { workspace: 'acmee' },
  },
  {
    title: 'a wrong pull request names #999 and list_pull_requests',
    tool: 'get_pull_request',
    args: { workspace: 'acme', repo: 'payments-api', pullRequestId: 999 },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_PULL_REQUEST',
    params: { repository: 'acme/payments-api', id: '999' },
  },
  {
    title: 'a wrong branch names it and list_branches',
    tool: 'delete_branch',
    args: { workspace: 'acme', repo: 'payments-api', name: 'feature/nope', confirm: true },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_BRANCH',
    params: { repository: 'acme/payments-api', branch: 'feature/nope' },
  },
  {
    title: 'a wrong ref names it, list_branches and list_tags',
    tool: 'list_commits',
    args: { workspace: 'acme', repo: 'payments-api', ref: 'feature/nope' },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_REF_NOT_FOUND',
    params: { repository: 'acme/payments-api', ref: 'feature/nope' },
  },
  {
    title: 'a wrong file names its path and list_directory',
    tool: 'get_file_content',
    args: { workspace: 'acme', repo: 'payments-api', path: 'docs/nope.md' },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_FILE',
    params: { repository: 'acme/payments-api', path: 'docs/nope.md' },
  },
];

const DATACENTER: readonly NamedError[] = [
  {
    title: 'a wrong repository names it and list_repositories',
    tool: 'get_repository',
    args: { workspace: 'PLAT', repo: 'paymnts-api' },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_REPOSITORY',
    params: { repository: 'PLAT/paymnts-api', owner: 'PLAT' },
  },
  {
    title: 'a wrong project key names the project and list_projects',
    tool: 'get_repository',
    args: { workspace: 'PLATT', repo: 'payments-api' },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_PROJECT',
    params: { project: 'PLATT' },
  },
  {
    title: 'a wrong pull request names #999 and list_pull_requests',
    tool: 'get_pull_request',
    args: { workspace: 'PLAT', repo: 'payments-api', pullRequestId: 999 },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_PULL_REQUEST',
    params: { repository: 'PLAT/payments-api', id: '999' },
  },
  {
    title: 'a wrong ref names it, list_branches and list_tags',
    tool: 'list_commits',
    args: { workspace: 'PLAT', repo: 'payments-api', ref: 'feature/nope' },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_REF_NOT_FOUND',
    params: { repository: 'PLAT/payments-api', ref: 'feature/nope' },
  },
  {
    title: 'a wrong file names its path and list_directory',
    tool: 'get_file_content',
    args: { workspace: 'PLAT', repo: 'payments-api', path: 'docs/nope.md' },
    code: 'BITBUCKET_NOT_FOUND',
    key: 'BITBUCKET_NOT_FOUND_FILE',
    params: { repository: 'PLAT/payments-api', path: 'docs/nope.md' },
  },
  {
    title: 'a Cloud-only tool says Data Center has no Pipelines, not that configuration disabled it',
    tool: 'list_pipelines',
    args: { workspace: 'PLAT', repo: 'payments-api' },
    code: 'TOOL_UNAVAILABLE',
    key: 'TOOL_UNAVAILABLE_PIPELINES',
    params: { name: 'list_pipelines' },
  },
  {
    title: 'list_workspaces says Data Center has projects instead',
    tool: 'list_workspaces',
    args: {},
    code: 'TOOL_UNAVAILABLE',
    key: 'TOOL_UNAVAILABLE_WORKSPACES',
    params: { name: 'list_workspaces' },
  },
];

describe('errors name what was not found and the tool that lists the right names (the built mcp-stdio app)', () => {
  let fake: FakeBitbucketProcess;
  const clients = new Map<string, Client>();

  /** One stdio server per flavor and language, started on first use. */
  const client = async (flavor: Flavor, lang = 'en'): Promise<Client> => {
    const key = `${flavor} ${lang}`;
    const existing = clients.get(key);
    if (existing !== undefined) return existing;
    const started = new Client({ name: 'named-errors', version: '1.0.0' });
    await started.connect(
      stdioServerTransport({ ...bitbucketEnv(fake, flavor), BITBUCKET_MCP_LOCALE: lang }).transport,
    );
    clients.set(key, started);
    return started;
  };

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  afterAll(async () => {
    await Promise.all([...clients.values()].map(async (c) => c.close()));
    await fake.stop();
  });

  it.each([
    ...CLOUD.map((error) => ['cloud', error] as const),
    ...DATACENTER.map((error) => ['datacenter', error] as const),
  ])('%s: %p', async (flavor, error) => {
    const result = (await (
      await client(flavor)
    ).callTool({ name: error.tool, arguments: error.args })) as CallToolResult;
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text.startsWith(message('en', error.key, error.params))).toBe(true);
    expect(text).toContain(`error ${error.code},`);
  });

  it('a tool disabled by configuration still says so, unlike one the flavor lacks', async () => {
    const started = new Client({ name: 'named-errors', version: '1.0.0' });
    await started.connect(
      stdioServerTransport({ ...bitbucketEnv(fake, 'cloud'), MCP_DISABLED_TOOLS: 'list_pipelines' }).transport,
    );
    clients.set('cloud disabled', started);
    const text = textOf(
      (await started.callTool({
        name: 'list_pipelines',
        arguments: { workspace: 'acme', repo: 'payments-api' },
      })) as CallToolResult,
    );
    expect(text.startsWith(message('en', 'TOOL_NOT_OFFERED', { name: 'list_pipelines' }))).toBe(true);
  });

  it.each(['en', 'fr', 'de', 'es', 'ja'])(
    'in %s: a wrong Cloud workspace and a Data Center tool without Pipelines',
    async (lang) => {
      const [cloud, datacenter] = await Promise.all([client('cloud', lang), client('datacenter', lang)]);
      const workspace = textOf(
        (await cloud.callTool({
          name: 'list_repositories',
          arguments: { workspace: 'acmee' },
        })) as CallToolResult,
      );
      expect(workspace.startsWith(message(lang, 'BITBUCKET_NOT_FOUND_WORKSPACE', { workspace: 'acmee' }))).toBe(true);
      const pipelines = textOf(
        (await datacenter.callTool({
          name: 'list_pipelines',
          arguments: { workspace: 'PLAT', repo: 'payments-api' },
        })) as CallToolResult,
      );
      expect(pipelines.startsWith(message(lang, 'TOOL_UNAVAILABLE_PIPELINES', { name: 'list_pipelines' }))).toBe(true);
      if (lang !== 'en') expect(englishSentencesIn(`${workspace}\n${pipelines}`)).toEqual([]);
    },
  );
});
