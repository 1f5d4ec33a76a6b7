import { BitbucketClient, type BbCommit } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { commitHashArgument } from '../commit-hash-argument';
import { toolArguments } from '../../shared/tool-arguments';
import { userView } from '../../shared/user-view';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    hash: commitHashArgument,
  })
  .strict();
const output = z.object({
  hash: z.string(),
  date: z.string(),
  author: z.string().describe(catalogueText('get_commit.output.author')),
  authorEmail: z.string().optional(),
  authorUser: userView.optional().describe(catalogueText('get_commit.output.authorUser')),
  parents: z.array(z.string()).describe(catalogueText('get_commit.output.parents')),
  message: z.string(),
  truncated: z.string().optional().describe(catalogueText('get_commit.output.truncated')),
});

type CommitDetail = z.output<typeof output>;

@McpTool()
@Injectable()
export class GetCommitTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_commit',
    title: catalogueText('get_commit.title'),
    description: catalogueText('get_commit.description'),
    toolset: 'commits',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<CommitDetail> {
    const commit = await this.bitbucket.getCommit(
      { workspace: args.workspace, repo: args.repo },
      { hash: args.hash },
      { signal: context.signal },
    );
    return this.toDetail(commit, context);
  }

  /** The message is the only unbounded part; it is cut on the budget, which only a pathological one reaches. */
  private toDetail(commit: BbCommit, context: ToolContext): CommitDetail {
    const cut = commit.message.length > context.budgetChars;
    return {
      hash: commit.hash,
      date: commit.date,
      author: commit.authorName,
      ...(commit.authorEmail === undefined ? {} : { authorEmail: commit.authorEmail }),
      ...(commit.author === undefined ? {} : { authorUser: commit.author }),
      parents: [...commit.parents],
      message: cut ? commit.message.slice(0, context.budgetChars) : commit.message,
      ...(cut
        ? {
            truncated: context.t('tools.MESSAGE_CUT', {
              shown: context.budgetChars,
              total: commit.message.length,
            }),
          }
        : {}),
    };
  }

  /** As `git show` heads a commit: hash, merge parents, author, date, then the indented message. */
  render(commit: CommitDetail, context: ToolContext): string {
    const author = commit.authorEmail === undefined ? commit.author : `${commit.author} <${commit.authorEmail}>`;
    return [
      context.t('tools.COMMIT_HASH', { hash: commit.hash }),
      ...(commit.parents.length > 1 ? [context.t('tools.COMMIT_MERGE', { parents: commit.parents.join(' ') })] : []),
      context.t('tools.COMMIT_AUTHOR', { author }),
      context.t('tools.COMMIT_DATE', { date: commit.date }),
      '',
      ...commit.message.split('\n').map((line) => `    ${line}`),
      ...(commit.truncated === undefined ? [] : ['', commit.truncated]),
    ].join('\n');
  }
}
