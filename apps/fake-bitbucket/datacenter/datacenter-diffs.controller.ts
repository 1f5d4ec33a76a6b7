import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FakeRepository } from '../dataset/fake-repository';
import { formatPatch } from '../cloud/cloud-format-patch';
import { wildcardPath } from '../shared/wildcard-path';
import { datacenterCodeErrors } from './datacenter-code-errors';
import { datacenterComparison } from './datacenter-comparison';
import { sendDatacenterDiff, type DatacenterDiffQuery } from './datacenter-diff-response';
import { DATACENTER_REPOSITORY as REPOSITORY } from './datacenter-repository-route';
import { sendDatacenterRaw } from './datacenter-raw-response';
import { datacenterRevision } from './datacenter-revision';
import { DatacenterRouteRepository } from './datacenter-route-repository.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';

interface RangeQuery extends DatacenterDiffQuery {
  readonly since?: string;
  readonly until?: string;
}

interface CompareQuery extends DatacenterDiffQuery {
  readonly from?: string;
  readonly to?: string;
}

interface PatchQuery {
  readonly since?: string;
  readonly until?: string;
  readonly allAncestors?: string;
}

const given = (value: string | undefined): value is string => value !== undefined && value !== '';

/**
 * Diffs of a commit, of two revisions and of a comparison (JSON, or raw on `Accept: text/plain`),
 * and `git format-patch` output. The path after `diff` narrows to one file or directory.
 */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterDiffsController {
  /** A commit against `since`, or against its first parent (then `fromHash` is null). */
  @Get([`${REPOSITORY}/commits/:commitId/diff`, `${REPOSITORY}/commits/:commitId/diff/*path`])
  commitDiff(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('commitId') commitId: string,
    @Param('path') path: unknown,
    @Query() query: RangeQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    const commit = datacenterRevision(repository, commitId);
    this.sendRange(req, res, repository, query, commit, wildcardPath(path));
  }

  /** `until` is required; `since` defaults to the first parent of `until`. */
  @Get([`${REPOSITORY}/diff`, `${REPOSITORY}/diff/*path`])
  diff(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('path') path: unknown,
    @Query() query: RangeQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    if (!given(query.until)) throw datacenterCodeErrors.missingParameter('until');
    const until = datacenterRevision(repository, query.until);
    this.sendRange(req, res, repository, query, until, wildcardPath(path));
  }

  /** What `from` changed since it left `to`: from their merge base to `from` (both default to the default branch). */
  @Get([`${REPOSITORY}/compare/diff`, `${REPOSITORY}/compare/diff/*path`])
  compareDiff(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('path') path: unknown,
    @Query() query: CompareQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    const { from, base } = datacenterComparison(repository, query.from, query.to);
    sendDatacenterDiff(req, res, query, {
      changes: repository.git.changesBetween(base, from),
      fromHash: base ?? null,
      toHash: from,
      path: wildcardPath(path),
    });
  }

  /**
   * `until` alone is one commit's patch; with `since`, every commit between them, oldest first;
   * `allAncestors=true` every ancestor of `until`. Merge commits are left out of a series.
   */
  @Get(`${REPOSITORY}/patch`)
  patch(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Query() query: PatchQuery,
    @Res() res: Response,
  ): void {
    if (!given(query.until)) throw datacenterCodeErrors.missingParameter('until');
    const until = datacenterRevision(repository, query.until);
    const exclude =
      query.allAncestors !== 'true' && given(query.since) ? [datacenterRevision(repository, query.since)] : [];
    const series =
      query.allAncestors === 'true' || exclude.length > 0
        ? repository.git
            .history([until], exclude)
            .filter((commit) => commit.parents.length <= 1)
            .reverse()
        : [repository.git.get(until)];
    const text = series.map((commit, index) => formatPatch(commit, index + 1, series.length)).join('\n');
    sendDatacenterRaw(res, 'text/plain;charset=UTF-8', text);
  }

  private sendRange(
    req: Request,
    res: Response,
    repository: FakeRepository,
    query: RangeQuery,
    until: string,
    path: string,
  ): void {
    const since = given(query.since) ? datacenterRevision(repository, query.since) : undefined;
    sendDatacenterDiff(req, res, query, {
      changes: since === undefined ? repository.git.changesOf(until) : repository.git.changesBetween(since, until),
      fromHash: since ?? null,
      toHash: until,
      path,
    });
  }
}
