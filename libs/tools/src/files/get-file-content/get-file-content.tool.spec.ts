import type { BbFileContent, BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { GetFileContentTool } from './get-file-content.tool';

const textFile = (lines: number): BbFileContent => {
  const content = Buffer.from(Array.from({ length: lines }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
  return { path: 'src/a.ts', ref: 'feature/x', content, binary: false, size: content.length };
};

describe('GetFileContentTool', () => {
  const getFileContent = jest.fn() as jest.MockedFunction<BitbucketClient['getFileContent']>;
  const tool = new GetFileContentTool({ getFileContent } as unknown as BitbucketClient);
  const args = (extra: Record<string, unknown> = {}) =>
    tool.definition.input.parse({ workspace: 'acme', repo: 'payments-api', path: 'src/a.ts', ...extra });

  beforeEach(() => getFileContent.mockReset());

  it('reads at the ref asked for and returns the window of lines asked for, saying where the rest starts', async () => {
    getFileContent.mockResolvedValue(textFile(100));
    const context = toolContextFixture();
    const file = await tool.run(args({ ref: 'feature/x', fromLine: 10, maxLines: 2 }), context);
    expect(getFileContent).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { path: 'src/a.ts', ref: 'feature/x' },
      { signal: context.signal },
    );
    expect(file).toMatchObject({ path: 'src/a.ts', ref: 'feature/x', binary: false, text: 'line 10\nline 11' });
    expect(file.truncated).toBe('tools.FILE_CONTINUE {"fromLine":12,"toLine":11,"totalLines":100}');
    expect(tool.render(file, context).split('\n')).toEqual([
      `tools.FILE_HEADER {"path":"src/a.ts","ref":"feature/x","size":${file.size},"totalLines":100,"fromLine":10,"toLine":11}`,
      'line 10',
      'line 11',
      'tools.FILE_CONTINUE {"fromLine":12,"toLine":11,"totalLines":100}',
    ]);
  });

  it('cuts a file to the response budget on a line boundary', async () => {
    getFileContent.mockResolvedValue(textFile(1000));
    const file = await tool.run(args(), toolContextFixture({ budgetChars: 1000 }));
    expect(file.text?.length).toBeLessThanOrEqual(1000);
    expect(file.fromLine).toBe(1);
    expect(file.truncated).toContain(`"fromLine":${(file.toLine ?? 0) + 1}`);
  });

  it('describes a binary file by its size and never returns its bytes', async () => {
    getFileContent.mockResolvedValue({
      path: 'assets/logo.png',
      ref: 'main',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
      binary: true,
      size: 7,
    });
    const context = toolContextFixture();
    const file = await tool.run(args({ path: 'assets/logo.png' }), context);
    expect(file).toEqual({ path: 'assets/logo.png', ref: 'main', size: 7, binary: true });
    expect(tool.render(file, context)).toBe(
      'tools.FILE_BINARY {"path":"assets/logo.png","ref":"main","size":7,"totalLines":0}',
    );
  });

  it('says so for an empty file and for a window past the end', async () => {
    const context = toolContextFixture();
    getFileContent.mockResolvedValue({ path: 'empty', ref: 'main', content: Buffer.alloc(0), binary: false, size: 0 });
    expect(tool.render(await tool.run(args(), context), context)).toMatch(/^tools\.FILE_EMPTY /);
    getFileContent.mockResolvedValue(textFile(3));
    const past = await tool.run(args({ fromLine: 50 }), context);
    expect(past).toMatchObject({ text: '', fromLine: 0, totalLines: 3 });
    expect(tool.render(past, context)).toMatch(/^tools\.FILE_PAST_END .*"totalLines":3/);
  });
});
