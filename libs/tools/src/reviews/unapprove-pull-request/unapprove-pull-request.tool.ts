import type { BbRepositoryRef, CallOptions } from '@app/bitbucket';
import { McpTool, catalogueText } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { ReviewDecisionTool } from '../review-decision.tool-base';

@McpTool()
@Injectable()
export class UnapprovePullRequestTool extends ReviewDecisionTool {
  readonly definition = ReviewDecisionTool.define({
    name: 'unapprove_pull_request',
    title: catalogueText('unapprove_pull_request.title'),
    description: catalogueText('unapprove_pull_request.description'),
  });
  protected readonly decision = 'unapproved';

  protected async submit(repo: BbRepositoryRef, id: number, options: CallOptions): Promise<void> {
    return this.bitbucket.unapprovePullRequest(repo, { id }, options);
  }
}
