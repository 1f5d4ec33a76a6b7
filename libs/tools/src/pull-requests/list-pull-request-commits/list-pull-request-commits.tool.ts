import type { BbCommit, BbPage, BbRepositoryRef, PageOptions } from '@app/bitbucket';
import { McpTool } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { commitLine, commitLineView, toCommitLineView } from '../../shared/commit-view';
import { PullRequestListingTool } from '../../shared/pull-request-listing.tool-base';

@McpTool()
@Injectable()
export class ListPullRequestCommitsTool extends PullRequestListingTool<BbCommit, typeof commitLineView> {
  readonly definition = PullRequestListingTool.define(commitLineView, {
    name: 'list_pull_request_commits',
    title: 'List pull request commits',
    description:
      'Lists the commits a pull request brings (newest first), one line each: short hash, date, author, first line of the message. get_commit and get_commit_diff read one of them. Pass the cursor for more.',
    toolset: 'pull-requests',
  });
  protected readonly view = toCommitLineView;
  protected readonly line = commitLine;

  protected async list(repo: BbRepositoryRef, input: { id: number }, options: PageOptions): Promise<BbPage<BbCommit>> {
    return this.bitbucket.listPullRequestCommits(repo, input, options);
  }
}
