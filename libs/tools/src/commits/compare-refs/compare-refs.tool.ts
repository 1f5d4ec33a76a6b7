import { BitbucketClient, type BbComparison, type BbFileChange } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
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
  oldPath: z.string().optional().describe('Where a renamed or copied file came from.'),
  status: z.enum(['added', 'modified', 'removed', 'renamed', 'copied']),
  linesAdded: z.number().int().optional(),
  linesRemoved: z.number().int().optional(),
});

type FileChangeView = z.output<typeof fileChangeView>;

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    from: toolArguments.ref.describe('The ref with the work to compare, e.g. a feature branch.'),
    to: toolArguments.ref.describe('The ref compared against, e.g. the default branch.'),
  })
  .strict();
const output = z.object({
  from: z.string(),
  to: z.string(),
  mergeBase: z.string().optional().describe('The last commit both share.'),
  aheadTotal: z.number().int().describe('Commits on `from` and not on `to`.'),
  behindTotal: z.number().int().describe('Commits on `to` and not on `from`.'),
  ahead: z.array(commitLineView).describe('Commits on `from` and not on `to`, newest first (see truncated).'),
  fileTotal: z.number().int().describe('Files `from` changes since the merge base.'),
  files: z.array(fileChangeView).describe('Those files (see truncated).'),
  truncated: z.string().optional().describe('Set when commits or files were left out, saying how to see them.'),
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
    title: 'Compare two refs',
    description:
      'Compares two branches, tags or commits: how many commits `from` is ahead of and behind `to`, the commits only on `from` (one line each), and the files `from` changes since the merge base (with line counts where Bitbucket gives them). Use it before opening or reviewing a pull request; read the changes themselves with get_commit_diff.',
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
