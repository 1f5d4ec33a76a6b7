import { BitbucketClient, type BbFileContent } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { lineWindowView, toLineWindow } from '../../shared/line-window';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    path: z.string().min(1).max(1000).describe(catalogueText('get_file_content.params.path')),
    ref: toolArguments.ref.optional().describe(catalogueText('get_file_content.params.ref')),
    fromLine: z.number().int().min(1).optional().describe(catalogueText('get_file_content.params.fromLine')),
    maxLines: z.number().int().min(1).max(10000).optional().describe(catalogueText('get_file_content.params.maxLines')),
  })
  .strict();
// Text files carry the line window (text, fromLine, toLine, totalLines…); binary files none of it.
const output = lineWindowView.partial().extend({
  path: z.string(),
  ref: z.string().describe(catalogueText('get_file_content.output.ref')),
  size: z.number().int().describe(catalogueText('get_file_content.output.size')),
  binary: z.boolean().describe(catalogueText('get_file_content.output.binary')),
});

type FileView = z.output<typeof output>;

@McpTool()
@Injectable()
export class GetFileContentTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_file_content',
    title: catalogueText('get_file_content.title'),
    description: catalogueText('get_file_content.description'),
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
