import { BitbucketClient, type BbComparison, type BbFileChange } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { commitLine, commitLineView, toCommitLineView } from '../../shared/commit-view';
import { fitItems } from '../../shared/response-budget';
import { toolArguments } from '../../shared/tool-arguments';

const STATUS_LETTER: Readonly<Record<BbFileChange['status'], string>> = {
  added: 'A',
  modified: 'M',
  removed: 'D',
  renamed: 'R',
  copied: 'C',
};

const fileChangeView = z.object({
  path: z.string(),
  oldPath: z.string().optional().describe(catalogueText('compare_refs.output.oldPath')),
  status: z.enum(['added', 'modified', 'removed', 'renamed', 'copied']),
  linesAdded: z.number().int().optional(),
  linesRemoved: z.number().int().optional(),
});

type FileChangeView = z.output<typeof fileChangeView>;

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    from: toolArguments.ref.describe(catalogueText('compare_refs.params.from')),
    to: toolArguments.ref.describe(catalogueText('compare_refs.params.to')),
  })
  .strict();
const output = z.object({
  from: z.string(),
  to: z.string(),
  mergeBase: z.string().optional().describe(catalogueText('compare_refs.output.mergeBase')),
  aheadTotal: z.number().int().describe(catalogueText('compare_refs.output.aheadTotal')),
  behindTotal: z.number().int().describe(catalogueText('compare_refs.output.behindTotal')),
  ahead: z.array(commitLineView).describe(catalogueText('compare_refs.output.ahead')),
  fileTotal: z.number().int().describe(catalogueText('compare_refs.output.fileTotal')),
  files: z.array(fileChangeView).describe(catalogueText('compare_refs.output.files')),
  truncated: z.string().optional().describe(catalogueText('compare_refs.output.truncated')),
});

type ComparisonView = z.output<typeof output>;

function toFileChangeView(change: BbFileChange): FileChangeView {
  return {
    path: change.path,
    ...(change.oldPath === undefined ? {} : { oldPath: change.oldPath }),
    status: change.status,
    ...(change.linesAdded === undefined ? {} : { linesAdded: change.linesAdded }),
    ...(change.linesRemoved === undefined ? {} : { linesRemoved: change.linesRemoved }),
  };
}

/** `M src/payments/payment.ts (+3 -1)`, `R src/server.ts -> src/http-server.ts` */
function fileChangeLine(change: FileChangeView): string {
  const path = change.oldPath === undefined ? change.path : `${change.oldPath} -> ${change.path}`;
  const counts =
    change.linesAdded === undefined && change.linesRemoved === undefined
      ? ''
      : ` (+${change.linesAdded ?? 0} -${change.linesRemoved ?? 0})`;
  return `${STATUS_LETTER[change.status]} ${path}${counts}`;
}

const linesLength = (lines: readonly string[]): number => lines.reduce((sum, line) => sum + line.length + 1, 0);

@McpTool()
@Injectable()
export class CompareRefsTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'compare_refs',
    title: catalogueText('compare_refs.title'),
    description: catalogueText('compare_refs.description'),
    toolset: 'commits',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<ComparisonView> {
    const comparison = await this.bitbucket.compareRefs(
      { workspace: args.workspace, repo: args.repo },
      { from: args.from, to: args.to },
      { signal: context.signal },
    );
    return this.toView(comparison, context);
  }

  /** Commits get half the budget when there are files to show too; files get whatever commits left. */
  private toView(comparison: BbComparison, context: ToolContext): ComparisonView {
    const commits = comparison.ahead.map(toCommitLineView);
    const files = comparison.files.map(toFileChangeView);
    const commitBudget = files.length === 0 ? context.budgetChars : Math.floor(context.budgetChars / 2);
    const shownCommits = fitItems(commits, commitLine, commitBudget).kept;
    const used = linesLength(shownCommits.map(commitLine));
    const shownFiles = fitItems(files, fileChangeLine, Math.max(0, context.budgetChars - used)).kept;
    const notes = [
      ...(shownCommits.length < comparison.aheadTotal
        ? [
            context.t('tools.COMPARE_COMMITS_CUT', {
              shown: shownCommits.length,
              total: comparison.aheadTotal,
              from: comparison.from,
            }),
          ]
        : []),
      ...(shownFiles.length < files.length
        ? [context.t('tools.COMPARE_FILES_CUT', { shown: shownFiles.length, total: files.length })]
        : []),
    ];
    return {
      from: comparison.from,
      to: comparison.to,
      ...(comparison.mergeBase === undefined ? {} : { mergeBase: comparison.mergeBase }),
      aheadTotal: comparison.aheadTotal,
      behindTotal: comparison.behindTotal,
      ahead: shownCommits,
      fileTotal: files.length,
      files: shownFiles,
      ...(notes.length === 0 ? {} : { truncated: notes.join('\n') }),
    };
  }

  render(view: ComparisonView, context: ToolContext): string {
    const summary = context.t('tools.COMPARE_SUMMARY', {
      from: view.from,
      to: view.to,
      ahead: view.aheadTotal,
      behind: view.behindTotal,
      files: view.fileTotal,
    });
    return [
      summary,
      ...(view.ahead.length === 0 ? [] : ['', ...view.ahead.map(commitLine)]),
      ...(view.files.length === 0 ? [] : ['', ...view.files.map(fileChangeLine)]),
      ...(view.truncated === undefined ? [] : ['', view.truncated]),
    ].join('\n');
  }
}
