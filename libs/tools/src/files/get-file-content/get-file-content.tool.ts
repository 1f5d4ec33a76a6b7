import { BitbucketClient, type BbFileContent } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { lineWindowView, toLineWindow } from '../../shared/line-window';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    path: z.string().min(1).max(1000).describe('File path from the repository root (e.g. "src/index.ts").'),
    ref: toolArguments.ref.optional().describe('Branch, tag or commit to read at; the default branch when omitted.'),
    fromLine: z.number().int().min(1).optional().describe('First line to return (1-based, default 1).'),
    maxLines: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .optional()
      .describe('Most lines to return (default: as many as fit the response budget).'),
  })
  .strict();
// Text files carry the line window (text, fromLine, toLine, totalLines…); binary files none of it.
const output = lineWindowView.partial().extend({
  path: z.string(),
  ref: z.string().describe('The ref read at.'),
  size: z.number().int().describe('File size in bytes.'),
  binary: z.boolean().describe('Binary files are described, never shown.'),
});

type FileView = z.output<typeof output>;

@McpTool()
@Injectable()
export class GetFileContentTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_file_content',
    title: 'Read file',
    description:
      'Returns the text of a file at a branch, tag or commit (the default branch when none is given), as a window of lines: from `fromLine`, at most `maxLines`, cut to fit the response budget. When lines are left out the answer says which `fromLine` continues. Binary files are reported with their size, never shown.',
    toolset: 'files',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<FileView> {
    const file = await this.bitbucket.getFileContent(
      { workspace: args.workspace, repo: args.repo },
      { path: args.path, ref: args.ref },
      { signal: context.signal },
    );
    return this.toView(file, args, context);
  }

  private toView(file: BbFileContent, args: z.output<typeof input>, context: ToolContext): FileView {
    const facts = { path: file.path, ref: file.ref, size: file.size, binary: file.binary };
    if (file.binary) return facts;
    const window = toLineWindow(
      file.content.toString('utf8'),
      { fromLine: args.fromLine, maxLines: args.maxLines },
      context,
      'tools.FILE_CONTINUE',
    );
    return { ...facts, ...window };
  }

  render(file: FileView, context: ToolContext): string {
    const params = { path: file.path, ref: file.ref, size: file.size, totalLines: file.totalLines ?? 0 };
    if (file.binary) return context.t('tools.FILE_BINARY', params);
    if (params.totalLines === 0) return context.t('tools.FILE_EMPTY', params);
    if (file.fromLine === undefined || file.fromLine === 0) return context.t('tools.FILE_PAST_END', params);
    const header = context.t('tools.FILE_HEADER', { ...params, fromLine: file.fromLine, toLine: file.toLine ?? 0 });
    return [header, file.text ?? '', ...(file.truncated === undefined ? [] : [file.truncated])].join('\n');
  }
}
