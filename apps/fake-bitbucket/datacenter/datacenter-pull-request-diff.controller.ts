import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { PullRequestOperations } from '../domain/pull-request.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterPage } from '../shared/datacenter-page';
import { wildcardPath } from '../shared/wildcard-path';
import { datacenterChange } from './datacenter-change.representation';
import { datacenterCommit } from './datacenter-commit.representation';
import { sendDatacenterDiff, type DatacenterDiffContent, type DatacenterDiffQuery } from './datacenter-diff-response';
import { DatacenterLinks } from './datacenter-links';
import { DATACENTER_PULL_REQUEST as PULL_REQUEST } from './datacenter-pull-request-route';
import { DatacenterRoutePullRequest } from './datacenter-route-pull-request.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';

/**
 * What a pull request changes: its effective diff (source against the merge base) as raw text or
 * RestDiff, its changed files and its commits. Registered before the pull request routes so that
 * `{pullRequestId}.diff` is not read as an id.
 */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterPullRequestDiffController {
  constructor(
    private readonly store: FakeStore,
    private readonly operations: PullRequestOperations,
  ) {}

  /** Always the raw diff, of every file: this resource takes no path. */
  @Get(`${PULL_REQUEST}.diff`)
  rawDiff(
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Query() query: DatacenterDiffQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    const { contextLines, whitespace } = query;
    sendDatacenterDiff(req, res, { contextLines, whitespace }, this.diffContent(pr, ''), 'raw');
  }

  /** JSON by default; `Accept: text/plain` streams the raw diff instead, as Data Center does. */
  @Get([`${PULL_REQUEST}/diff`, `${PULL_REQUEST}/diff/*path`])
  diff(
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Param('path') rawPath: unknown,
    @Query() query: DatacenterDiffQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    sendDatacenterDiff(req, res, query, this.diffContent(pr, wildcardPath(rawPath)));
  }

  /** One page at most, as Data Center streams it, with the hashes the changes were computed between. */
  @Get(`${PULL_REQUEST}/changes`)
  changes(@DatacenterRoutePullRequest() pr: FakePullRequest, @Req() req: Request): Record<string, unknown> {
    const repository = this.operations.destinationRepository(pr);
    const pageHref = DatacenterLinks.of(req).href(
      `/projects/${repository.projectKey}/repos/${repository.slug}/pull-requests/${pr.id}/diff`,
    );
    return {
      fromHash: this.operations.destinationHead(pr),
      toHash: this.operations.sourceHead(pr),
      properties: { changeScope: 'ALL' },
      ...datacenterPage(req, this.operations.changes(pr), (change) => datacenterChange(change, { pageHref })),
    };
  }

  /** Newest first; `withCounts=true` adds the author and commit counts to the page. */
  @Get(`${PULL_REQUEST}/commits`)
  commits(
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
    @Query('withCounts') withCounts?: string,
  ): Record<string, unknown> {
    const links = DatacenterLinks.of(req);
    const commits = this.operations.commits(pr);
    const page = datacenterPage(req, commits, (commit) => datacenterCommit(commit, this.store.data, links));
    if (withCounts !== 'true') return page;
    const authors = new Set(commits.map((commit) => commit.author.email.toLowerCase()));
    return { ...page, authorCount: authors.size, totalCount: commits.length };
  }

  /** The effective diff (what the source changed since the merge base), between the two heads. */
  private diffContent(pr: FakePullRequest, path: string): DatacenterDiffContent {
    return {
      changes: this.operations.changes(pr),
      fromHash: this.operations.destinationHead(pr),
      toHash: this.operations.sourceHead(pr),
      path,
    };
  }
}
