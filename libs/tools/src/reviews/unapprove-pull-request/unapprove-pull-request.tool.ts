import type { BbRepositoryRef, CallOptions } from '@app/bitbucket';
import { McpTool } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { ReviewDecisionTool } from '../review-decision.tool-base';

@McpTool()
@Injectable()
export class UnapprovePullRequestTool extends ReviewDecisionTool {
  readonly definition = ReviewDecisionTool.define({
    name: 'unapprove_pull_request',
    title: 'Withdraw approval',
    description:
      "Withdraws the current user's approval of a pull request (on Data Center this also withdraws a change request). Calling it again changes nothing.",
  });
  protected readonly decision = 'unapproved';

  protected async submit(repo: BbRepositoryRef, id: number, options: CallOptions): Promise<void> {
    return this.bitbucket.unapprovePullRequest(repo, { id }, options);
  }
}
