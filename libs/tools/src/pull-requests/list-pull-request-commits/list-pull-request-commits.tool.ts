import type { BbCommit, BbPage, BbRepositoryRef, PageOptions } from '@app/bitbucket';
import { McpTool, catalogueText } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { commitLine, commitLineView, toCommitLineView } from '../../shared/commit-view';
import { PullRequestListingTool } from '../../shared/pull-request-listing.tool-base';

@McpTool()
@Injectable()
export class ListPullRequestCommitsTool extends PullRequestListingTool<BbCommit, typeof commitLineView> {
  readonly definition = PullRequestListingTool.define(commitLineView, {
    name: 'list_pull_request_commits',
    title: catalogueText('list_pull_request_commits.title'),
    description: catalogueText('list_pull_request_commits.description'),
    toolset: 'pull-requests',
  });
  protected readonly view = toCommitLineView;
  protected readonly line = commitLine;

  protected async list(repo: BbRepositoryRef, input: { id: number }, options: PageOptions): Promise<BbPage<BbCommit>> {
    return this.bitbucket.listPullRequestCommits(repo, input, options);
  }
}
