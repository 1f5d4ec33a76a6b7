import type { BbRepositoryRef, CallOptions } from '@app/bitbucket';
import { McpTool, catalogueText } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { ReviewDecisionTool } from '../review-decision.tool-base';

@McpTool()
@Injectable()
export class RequestChangesTool extends ReviewDecisionTool {
  readonly definition = ReviewDecisionTool.define({
    name: 'request_changes',
    title: catalogueText('request_changes.title'),
    description: catalogueText('request_changes.description'),
  });
  protected readonly decision = 'changes_requested';

  protected async submit(repo: BbRepositoryRef, id: number, options: CallOptions): Promise<void> {
    return this.bitbucket.requestChanges(repo, { id }, options);
  }
}
