import { FakeBitbucketProcess, McpHttpProcess, REPO_ROOT } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';

type Catalogue = Record<string, string>;

/** i18n/<lang>/catalogue.json with `{{`/`}}` read as the literal braces they stand for. */
const catalogue = (lang: string): Catalogue =>
  Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(join(REPO_ROOT, 'i18n', lang, 'catalogue.json'), 'utf8')) as Catalogue).map(
      ([key, text]) => [key, text.replace(/\{\{/g, '{').replace(/\}\}/g, '}')],
    ),
  );

/** Every `description` anywhere in `node` (a list answer): tools, their schemas, prompts and their arguments. */
function descriptions(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(descriptions);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([name, value]) =>
    name === 'description' && typeof value === 'string' ? [value] : descriptions(value),
  );
}

/** Whether `text` is one of the catalogue's texts, its `{placeholders}` filled with any value. */
const isTextOf = (texts: Catalogue) => {
  const exact = new Set(Object.values(texts));
  const templates = Object.values(texts)
    .filter((text) => /\{\w+\}/.test(text))
    .map((text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+')}$`));
  return (text: string): boolean => exact.has(text) || templates.some((template) => template.test(text));
};

describe('the catalogue in the session’s language (Streamable HTTP, SDK clients)', () => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;
  const clients: Client[] = [];
  const english = catalogue('en');
  const french = catalogue('fr');

  /** A client whose session was opened with `Accept-Language: language` (the session keeps it). */
  const connect = async (language: string): Promise<Client> => {
    const client = new Client({ name: 'catalogue-language', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(server.mcpUrl, { requestInit: { headers: { 'Accept-Language': language } } }),
    );
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    // With the output schemas too: every description of the catalogue, input or output, is checked.
    server = await McpHttpProcess.start({ ...bitbucketEnv(fake, 'cloud'), MCP_STRUCTURED_OUTPUT: 'true' });
  });

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.close()));
    await server.stop();
    await fake.stop();
  });

  it('lists tools in French for a session opened in French: titles, descriptions, every schema description', async () => {
    const client = await connect('fr-FR,fr;q=0.9');
    const { tools } = await client.listTools();
    const pullRequest = tools.find((tool) => tool.name === 'get_pull_request');
    expect(pullRequest).toMatchObject({
      title: 'Afficher une pull request',
      description: french['get_pull_request.description'],
      inputSchema: {
        properties: {
          workspace: { description: french['params.workspace'] },
          descriptionFromLine: { description: french['get_pull_request.params.descriptionFromLine'] },
        },
      },
    });
    for (const tool of tools) {
      expect(tool.title).toBe(french[`${tool.name}.title`]);
      expect(tool.description).toBe(french[`${tool.name}.description`]);
    }
    // Not one English text left, in any schema, input or output, nested or not.
    const listed = descriptions(tools);
    expect(listed.length).toBeGreaterThan(tools.length * 3);
    expect(listed.filter((text) => !isTextOf(french)(text))).toEqual([]);
    // Placeholders are filled (wait_for_pipeline's default wait) and escaped braces read as braces.
    expect(listed).toContain(french['wait_for_pipeline.params.timeoutSeconds']?.replace('{default}', '180'));
    expect(listed).toContain(french['output.pipeline.uuid']);
    expect(french['output.pipeline.uuid']).toContain('"{…}"');
  });

  it.each(['de', 'es', 'ja'])(
    'lists every title and description in %s for a session opened in it',
    async (language) => {
      const texts = catalogue(language);
      const { tools } = await (await connect(language)).listTools();
      for (const tool of tools) {
        expect(tool.title).toBe(texts[`${tool.name}.title`]);
        expect(tool.description).toBe(texts[`${tool.name}.description`]);
      }
      expect(descriptions(tools).filter((text) => !isTextOf(texts)(text))).toEqual([]);
    },
  );

  it('lists the prompt and the resource template in French too', async () => {
    const client = await connect('fr');
    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([
      {
        name: 'review_pull_request',
        title: french['review_pull_request.title'],
        description: french['review_pull_request.description'],
        arguments: [
          { name: 'workspace', description: french['params.workspace'], required: true },
          { name: 'repo', description: french['params.repo'], required: true },
          { name: 'pullRequestId', description: french['review_pull_request.params.pullRequestId'], required: true },
        ],
      },
    ]);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      {
        name: 'repository_file',
        uriTemplate: 'bitbucket://{workspace}/{repo}/file/{ref}/{+path}',
        title: 'Fichier de dépôt',
        description: french['repository_file.description'],
      },
    ]);
  });

  it('lists the same tools in English for a session opened in English, or in a language without a catalogue', async () => {
    const inFrench = (await (await connect('fr')).listTools()).tools;
    for (const language of ['en', 'xx']) {
      const { tools } = await (await connect(language)).listTools();
      expect(tools.map((tool) => tool.name)).toEqual(inFrench.map((tool) => tool.name));
      expect(tools.find((tool) => tool.name === 'get_pull_request')?.title).toBe('Get pull request');
      expect(descriptions(tools).filter((text) => !isTextOf(english)(text))).toEqual([]);
    }
  });
});
