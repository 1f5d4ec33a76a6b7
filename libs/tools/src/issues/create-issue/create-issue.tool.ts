import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { toolArguments } from '../../shared/tool-arguments';
import { issueArguments } from '../issue-arguments';
import { issueDetailView, renderIssueDetail, toIssueDetailView, type IssueDetailView } from '../issue-detail-view';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    title: z.string().trim().min(1).max(255).describe(catalogueText('create_issue.params.title')),
    content: z.string().max(32000).optional().describe(catalogueText('create_issue.params.content')),
    kind: issueArguments.kind.optional().describe(catalogueText('create_issue.params.kind')),
    priority: issueArguments.priority.optional().describe(catalogueText('create_issue.params.priority')),
    assignee: z.string().min(1).max(200).optional().describe(catalogueText('create_issue.params.assignee')),
  })
  .strict();
const output = issueDetailView;

@McpTool()
@Injectable()
export class CreateIssueTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_issue',
    title: catalogueText('create_issue.title'),
    description: catalogueText('create_issue.description'),
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
