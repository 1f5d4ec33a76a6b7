import { BitbucketErrorCode, BitbucketException, type BitbucketClient } from '@app/bitbucket';
import type { Translator } from '@app/common';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { Logger } from '@nestjs/common';
import { BitbucketCompleters } from '../../completions/bitbucket-completers';
import { FileContentResource } from './file-content.resource';

describe('FileContentResource', () => {
  const getFileContent = jest.fn() as jest.MockedFunction<BitbucketClient['getFileContent']>;
  const translator = {
    error: (code: string, params: Record<string, unknown>) => `error ${code} ${JSON.stringify(params)}`,
    t: (key: string, params: Record<string, unknown>) => `${key} ${JSON.stringify(params)}`,
  } as unknown as Translator;
  const bitbucket = { getFileContent } as unknown as BitbucketClient;
  const resource = new FileContentResource(bitbucket, translator, new BitbucketCompleters(bitbucket));
  const signal = new AbortController().signal;

  beforeEach(() => {
    getFileContent.mockReset();
    // The failures below are logged on purpose; keep the test output clean.
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });

  it('decodes the template variables: a ref with a slash, a path with a space', async () => {
    getFileContent.mockResolvedValue({
      path: 'docs/read me.md',
      ref: 'feature/refunds',
      content: Buffer.from('# Hello\n'),
      binary: false,
      size: 8,
    });
    const uri = new URL('bitbucket://acme/payments-api/file/feature%2Frefunds/docs/read%20me.md');
    const result = await resource.read(
      uri,
      { workspace: 'acme', repo: 'payments-api', ref: 'feature%2Frefunds', path: 'docs/read%20me.md' },
      signal,
    );
    expect(getFileContent).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { path: 'docs/read me.md', ref: 'feature/refunds' },
      { signal },
    );
    expect(result.contents).toEqual([{ uri: uri.href, mimeType: 'text/markdown', text: '# Hello\n' }]);
  });

  it('takes a variable that is not valid percent-encoding as it is', async () => {
    getFileContent.mockResolvedValue({
      path: '100%.md',
      ref: 'main',
      content: Buffer.from('x'),
      binary: false,
      size: 1,
    });
    await resource.read(new URL('bitbucket://a/r/file/main/100%25.md'), { ref: 'main', path: '100%.md' }, signal);
    expect(getFileContent).toHaveBeenCalledWith(
      { workspace: '', repo: '' },
      { path: '100%.md', ref: 'main' },
      { signal },
    );
  });

  it('serves a binary file as a base64 blob with its MIME type', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]);
    getFileContent.mockResolvedValue({ path: 'assets/logo.png', ref: 'main', content: bytes, binary: true, size: 5 });
    const uri = new URL('bitbucket://acme/payments-api/file/main/assets/logo.png');
    const result = await resource.read(
      uri,
      { workspace: 'acme', repo: 'payments-api', ref: 'main', path: 'assets/logo.png' },
      signal,
    );
    expect(result.contents).toEqual([{ uri: uri.href, mimeType: 'image/png', blob: bytes.toString('base64') }]);
  });

  it('falls back to plain text or octet-stream for unknown extensions', async () => {
    getFileContent.mockResolvedValue({
      path: 'Makefile',
      ref: 'main',
      content: Buffer.from('all:\n'),
      binary: false,
      size: 5,
    });
    const text = await resource.read(
      new URL('bitbucket://a/r/file/main/Makefile'),
      { ref: 'main', path: 'Makefile' },
      signal,
    );
    expect(text.contents[0]?.mimeType).toBe('text/plain');
    getFileContent.mockResolvedValue({
      path: 'data.bin',
      ref: 'main',
      content: Buffer.from([0]),
      binary: true,
      size: 1,
    });
    const blob = await resource.read(
      new URL('bitbucket://a/r/file/main/data.bin'),
      { ref: 'main', path: 'data.bin' },
      signal,
    );
    expect(blob.contents[0]?.mimeType).toBe('application/octet-stream');
  });

  it('turns a Bitbucket failure into a resource-not-found JSON-RPC error with the localized message and a correlation id', async () => {
    getFileContent.mockRejectedValue(
      new BitbucketException(BitbucketErrorCode.NOT_FOUND, 'upstream said: secret detail', {
        params: { detail: 'No such file.' },
      }),
    );
    const failure = resource.read(new URL('bitbucket://a/r/file/main/nope'), { ref: 'main', path: 'nope' }, signal);
    await expect(failure).rejects.toBeInstanceOf(McpError);
    const error = (await failure.catch((e: unknown) => e)) as McpError;
    expect(error.code).toBe(-32002);
    expect(error.message).toContain('error BITBUCKET_NOT_FOUND {"detail":"No such file."}');
    expect(error.message).toMatch(
      /mcp\.ERROR_REFERENCE \{"code":"BITBUCKET_NOT_FOUND","correlationId":"[0-9a-f-]{36}"\}/,
    );
    expect(error.message).not.toContain('secret detail');
  });

  it('answers invalid params for a refused request and an internal error for anything else', async () => {
    getFileContent.mockRejectedValue(new BitbucketException(BitbucketErrorCode.VALIDATION, 'a directory'));
    const refused = await resource
      .read(new URL('bitbucket://a/r/file/main/src'), { path: 'src' }, signal)
      .catch((e: unknown) => e);
    expect((refused as McpError).code).toBe(-32602);
    getFileContent.mockRejectedValue(new Error('boom'));
    const broken = await resource
      .read(new URL('bitbucket://a/r/file/main/x'), { path: 'x' }, signal)
      .catch((e: unknown) => e);
    expect((broken as McpError).code).toBe(-32603);
    expect((broken as McpError).message).toContain('error INTERNAL');
  });
});
