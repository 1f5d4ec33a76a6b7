import type { BbRepositoryRef, CallOptions } from '@app/bitbucket';
import { McpTool } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { ReviewDecisionTool } from '../review-decision.tool-base';

@McpTool()
@Injectable()
export class ApprovePullRequestTool extends ReviewDecisionTool {
  readonly definition = ReviewDecisionTool.define({
    name: 'approve_pull_request',
    title: 'Approve pull request',
    description:
      'Approves a pull request as the current user (replacing a change request of theirs). Calling it again changes nothing. Bitbucket refuses approving your own pull request or a closed one.',
  });
  protected readonly decision = 'approved';

  protected async submit(repo: BbRepositoryRef, id: number, options: CallOptions): Promise<void> {
    return this.bitbucket.approvePullRequest(repo, { id }, options);
  }
}
