import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCase, ToolCaseEnv } from './tool-case';

type FileView = {
  path: string;
  ref: string;
  size: number;
  binary: boolean;
  text?: string;
  fromLine?: number;
  toLine?: number;
  totalLines?: number;
  truncated?: string;
};

type Entry = {
  path: string;
  type: string;
  size?: number;
};

const payments = (env: ToolCaseEnv) => ({ workspace: env.workspace, repo: 'payments-api' });
const fileUri = (env: ToolCaseEnv, ref: string, path: string): string =>
  `bitbucket://${env.workspace}/payments-api/file/${encodeURIComponent(ref)}/${path}`;

/** get_file_content, list_directory, and the bitbucket://…/file/{ref}/{+path} resource template. */
export const FILE_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'reads a file of the default branch whole',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_file_content', { ...payments(env), path: 'README.md' });
      expect(result.isError).not.toBe(true);
      const file = result.structuredContent as FileView;
      expect(file).toMatchObject({ path: 'README.md', binary: false, fromLine: 1, toLine: 11, totalLines: 11 });
      expect(file.text).toMatch(/^# payments-api\n\nCard and bank-transfer payments/);
      expect(file.truncated).toBeUndefined();
      const [header, ...body] = env.text(result).split('\n');
      expect(header).toBe(`README.md at ${file.ref}, lines 1-11 of 11:`);
      expect(body.join('\n')).toBe(file.text);
    },
  },
  {
    name: 'returns a window of lines and says which fromLine continues',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_file_content', {
        ...payments(env),
        path: 'README.md',
        ref: 'main',
        fromLine: 3,
        maxLines: 1,
      });
      expect(result.structuredContent).toMatchObject({
        ref: 'main',
        text: 'Card and bank-transfer payments for Acme merchants: create, capture, cancel and refund payments.',
        fromLine: 3,
        toLine: 3,
        totalLines: 11,
        truncated: 'Lines 4-11 are not shown: call again with fromLine 4 to read on.',
      });
      expect(env.text(result).split('\n')[0]).toBe('README.md at main, lines 3-3 of 11:');
    },
  },
  {
    name: 'reads a file at a branch whose name has a slash',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_file_content', {
        ...payments(env),
        path: 'src/refunds/refund.service.ts',
        ref: 'feature/refunds',
      });
      const file = result.structuredContent as FileView;
      expect(file).toMatchObject({ ref: 'feature/refunds', binary: false });
      expect(file.text).toContain("throw new RangeError('refunds cannot exceed the captured amount');");
    },
  },
  {
    name: 'describes a binary file with its size instead of dumping bytes',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_file_content', { ...payments(env), path: 'assets/logo.png', ref: 'main' });
      const file = result.structuredContent as FileView;
      expect(file).toEqual({ path: 'assets/logo.png', ref: 'main', size: expect.any(Number) as number, binary: true });
      expect(file.size).toBeGreaterThan(0);
      expect(env.text(result)).toBe(
        `assets/logo.png at main is a binary file of ${file.size} bytes; its content is not shown.`,
      );
    },
  },
  {
    name: 'an unknown file is BITBUCKET_NOT_FOUND',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_file_content', { ...payments(env), path: 'src/nope.ts' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toMatch(/BITBUCKET_NOT_FOUND, correlation id [0-9a-f-]{36}/);
    },
  },
  {
    name: 'lists the root directory, directories first, files with their size',
    tool: 'list_directory',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_directory', { ...payments(env), ref: 'main', limit: 100 });
      const entries = (result.structuredContent as { items: Entry[] }).items;
      expect(entries.slice(0, 4).map((entry) => [entry.type, entry.path])).toEqual([
        ['directory', 'assets'],
        ['directory', 'docs'],
        ['directory', 'src'],
        ['directory', 'test'],
      ]);
      const readme = entries.find((entry) => entry.path === 'README.md');
      expect(readme).toMatchObject({ type: 'file', size: expect.any(Number) as number });
      const lines = env.text(result).split('\n');
      expect(lines.slice(0, 2)).toEqual(['assets/', 'docs/']);
      expect(lines).toContain(`README.md ${readme?.size ?? 0}`);
    },
  },
  {
    name: 'lists a subdirectory at a branch with a slash, paths from the root',
    tool: 'list_directory',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_directory', {
        ...payments(env),
        path: 'src/refunds',
        ref: 'feature/refunds',
      });
      expect((result.structuredContent as { items: Entry[] }).items).toEqual([
        { path: 'src/refunds/refund.service.ts', type: 'file', size: expect.any(Number) as number },
      ]);
    },
  },
  {
    name: 'a directory missing at that ref is BITBUCKET_NOT_FOUND',
    tool: 'list_directory',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_directory', { ...payments(env), path: 'src/refunds', ref: 'main' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('BITBUCKET_NOT_FOUND');
    },
  },
  {
    name: 'the file resource template serves text with its MIME type, refs with a slash percent-encoded',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const { resourceTemplates } = await env.client.listResourceTemplates();
      expect(resourceTemplates).toContainEqual(
        expect.objectContaining({
          name: 'repository_file',
          uriTemplate: 'bitbucket://{workspace}/{repo}/file/{ref}/{+path}',
        }),
      );
      const readme = await env.client.readResource({ uri: fileUri(env, 'main', 'README.md') });
      expect(readme.contents).toEqual([
        {
          uri: fileUri(env, 'main', 'README.md'),
          mimeType: 'text/markdown',
          text: expect.stringMatching(/^# payments-api\n/) as string,
        },
      ]);
      const uri = fileUri(env, 'feature/refunds', 'src/refunds/refund.service.ts');
      expect(uri).toContain('/file/feature%2Frefunds/src/refunds/');
      const service = await env.client.readResource({ uri });
      expect(service.contents[0]).toMatchObject({ mimeType: 'text/x-typescript' });
      expect((service.contents[0] as { text?: string }).text).toContain('export class RefundService');
    },
  },
  {
    name: 'the file resource template serves a binary file as a base64 blob, and refuses a missing one',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const logo = await env.client.readResource({ uri: fileUri(env, 'main', 'assets/logo.png') });
      const content = logo.contents[0] as { mimeType?: string; blob?: string; text?: string };
      expect(content.mimeType).toBe('image/png');
      expect(content.text).toBeUndefined();
      expect(
        Buffer.from(content.blob ?? '', 'base64')
          .subarray(1, 4)
          .toString('ascii'),
      ).toBe('PNG');

      const missing = env.client.readResource({ uri: fileUri(env, 'main', 'src/nope.ts') });
      await expect(missing).rejects.toBeInstanceOf(McpError);
      await expect(missing).rejects.toMatchObject({
        code: -32002,
        message: expect.stringMatching(/BITBUCKET_NOT_FOUND, correlation id [0-9a-f-]{36}/) as string,
      });
    },
  },
];
