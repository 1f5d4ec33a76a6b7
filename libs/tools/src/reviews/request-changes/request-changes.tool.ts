import type { BbRepositoryRef, CallOptions } from '@app/bitbucket';
import { McpTool } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { ReviewDecisionTool } from '../review-decision.tool-base';

@McpTool()
@Injectable()
export class RequestChangesTool extends ReviewDecisionTool {
  readonly definition = ReviewDecisionTool.define({
    name: 'request_changes',
    title: 'Request changes',
    description:
      'Marks a pull request as needing changes from the current user (Data Center: "needs work"), replacing an approval of theirs. Calling it again changes nothing. Say what to change with add_pull_request_comment.',
  });
  protected readonly decision = 'changes_requested';

  protected async submit(repo: BbRepositoryRef, id: number, options: CallOptions): Promise<void> {
    return this.bitbucket.requestChanges(repo, { id }, options);
  }
}
