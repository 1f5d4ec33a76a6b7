import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { toolArguments } from '../../shared/tool-arguments';
import { issueArguments } from '../issue-arguments';
import { issueDetailView, renderIssueDetail, toIssueDetailView, type IssueDetailView } from '../issue-detail-view';

const input = z
  .object({ workspace: toolArguments.workspace, repo: toolArguments.repo, id: issueArguments.id })
  .strict();
const output = issueDetailView;

@McpTool()
@Injectable()
export class GetIssueTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_issue',
    title: catalogueText('get_issue.title'),
    description: catalogueText('get_issue.description'),
    toolset: 'issues',
    input,
    output,
    hints: TOOL_HINTS.read,
    requires: ['issues'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<IssueDetailView> {
    const issue = await this.bitbucket.getIssue(
      { workspace: args.workspace, repo: args.repo },
      { id: args.id },
      { signal: context.signal },
    );
    return toIssueDetailView(issue, context);
  }

  render(issue: IssueDetailView, context: ToolContext): string {
    return renderIssueDetail(issue, context);
  }
}
