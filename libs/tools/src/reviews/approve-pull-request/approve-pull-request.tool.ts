import type { BbRepositoryRef, CallOptions } from '@app/bitbucket';
import { McpTool, catalogueText } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { ReviewDecisionTool } from '../review-decision.tool-base';

@McpTool()
@Injectable()
export class ApprovePullRequestTool extends ReviewDecisionTool {
  readonly definition = ReviewDecisionTool.define({
    name: 'approve_pull_request',
    title: catalogueText('approve_pull_request.title'),
    description: catalogueText('approve_pull_request.description'),
  });
  protected readonly decision = 'approved';

  protected async submit(repo: BbRepositoryRef, id: number, options: CallOptions): Promise<void> {
    return this.bitbucket.approvePullRequest(repo, { id }, options);
  }
}
