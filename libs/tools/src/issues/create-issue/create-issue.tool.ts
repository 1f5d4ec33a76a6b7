import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { toolArguments } from '../../shared/tool-arguments';
import { issueArguments } from '../issue-arguments';
import { issueDetailView, renderIssueDetail, toIssueDetailView, type IssueDetailView } from '../issue-detail-view';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    title: z.string().trim().min(1).max(255).describe('Short summary of the issue.'),
    content: z.string().max(32000).optional().describe('Description, in markdown.'),
    kind: issueArguments.kind.optional().describe('What it is (Bitbucket default: bug).'),
    priority: issueArguments.priority.optional().describe('How urgent (Bitbucket default: major).'),
    assignee: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Who should handle it: a workspace member\'s nickname, uuid ("{…}") or account id.'),
  })
  .strict();
const output = issueDetailView;

@McpTool()
@Injectable()
export class CreateIssueTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_issue',
    title: 'Create issue',
    description:
      "Opens a new issue in a Bitbucket Cloud repository's issue tracker, reported by this server's account, optionally with a description, kind, priority and assignee. Every call creates another issue. Returns the new issue with its number and web URL.",
    toolset: 'issues',
    input,
    output,
    hints: TOOL_HINTS.write,
    requires: ['issues'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<IssueDetailView> {
    const issue = await this.bitbucket.createIssue(
      { workspace: args.workspace, repo: args.repo },
      {
        title: args.title,
        ...(args.content === undefined ? {} : { content: args.content }),
        ...(args.kind === undefined ? {} : { kind: args.kind }),
        ...(args.priority === undefined ? {} : { priority: args.priority }),
        ...(args.assignee === undefined ? {} : { assignee: args.assignee }),
      },
      { signal: context.signal },
    );
    return toIssueDetailView(issue, context);
  }

  render(issue: IssueDetailView, context: ToolContext): string {
    return [context.t('tools.ISSUE_CREATED', { id: issue.id }), renderIssueDetail(issue, context)].join('\n');
  }
}
