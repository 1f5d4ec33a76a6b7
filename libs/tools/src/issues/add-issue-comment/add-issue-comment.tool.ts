import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { toolArguments } from '../../shared/tool-arguments';
import { toUserView, userView } from '../../shared/user-view';
import { issueArguments } from '../issue-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    id: issueArguments.id,
    text: z.string().trim().min(1).max(32000).describe(catalogueText('add_issue_comment.params.text')),
  })
  .strict();
const output = z.object({
  id: z.number().int().describe(catalogueText('add_issue_comment.output.id')),
  issueId: z.number().int(),
  author: userView.optional(),
  createdOn: z.string(),
});

type Output = z.output<typeof output>;

@McpTool()
@Injectable()
export class AddIssueCommentTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'add_issue_comment',
    title: catalogueText('add_issue_comment.title'),
    description: catalogueText('add_issue_comment.description'),
    toolset: 'issues',
    input,
    output,
    hints: TOOL_HINTS.write,
    requires: ['issues'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Output> {
    const comment = await this.bitbucket.addIssueComment(
      { workspace: args.workspace, repo: args.repo },
      { id: args.id, text: args.text },
      { signal: context.signal },
    );
    return {
      id: comment.id,
      issueId: args.id,
      ...(comment.author === undefined ? {} : { author: toUserView(comment.author) }),
      createdOn: comment.createdOn,
    };
  }

  render(comment: Output, context: ToolContext): string {
    return context.t('tools.ISSUE_COMMENT_ADDED', { commentId: comment.id, id: comment.issueId });
  }
}
