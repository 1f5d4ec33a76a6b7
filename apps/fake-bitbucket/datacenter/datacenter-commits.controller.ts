import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FakeRepository } from '../dataset/fake-repository';
import type { GitCommit } from '../git/git-commit';
import type { FileChange } from '../git/file-change';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterPage } from '../shared/datacenter-page';
import { datacenterChange } from './datacenter-change.representation';
import { datacenterCodeErrors } from './datacenter-code-errors';
import { datacenterComparison } from './datacenter-comparison';
import { datacenterCommitHistory } from './datacenter-commit-history';
import { datacenterCommit } from './datacenter-commit.representation';
import { DatacenterLinks } from './datacenter-links';
import { DATACENTER_REPOSITORY as REPOSITORY } from './datacenter-repository-route';
import { datacenterRevision } from './datacenter-revision';
import { DatacenterRouteRepository } from './datacenter-route-repository.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';

interface CommitsQuery {
  readonly until?: string;
  readonly since?: string;
  readonly path?: string;
  readonly merges?: string;
  readonly followRenames?: string;
  readonly withCounts?: string;
  readonly ignoreMissing?: string;
}

interface CompareQuery {
  readonly from?: string;
  readonly to?: string;
}

const MERGES = ['exclude', 'include', 'only'];

function keepMerges(commits: readonly GitCommit[], merges: string | undefined): readonly GitCommit[] {
  const mode = (merges ?? 'include').toLowerCase();
  if (!MERGES.includes(mode)) throw datacenterCodeErrors.invalidParameter('merges', merges ?? '', MERGES);
  if (mode === 'include') return commits;
  return commits.filter((commit) => commit.parents.length > 1 === (mode === 'only'));
}

/** Commit history, single commits and their changes, and comparisons between two refs. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterCommitsController {
  constructor(private readonly store: FakeStore) {}

  /**
   * Newest first from `until` (default: the default branch), excluding what `since` reaches.
   * `withCounts=true` adds the commit and distinct author counts; `ignoreMissing=true` turns an
   * unknown `until`/`since` into an empty page.
   */
  @Get(`${REPOSITORY}/commits`)
  commits(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Query() query: CommitsQuery,
    @Req() req: Request,
  ): Record<string, unknown> {
    const known = (rev: string | undefined): boolean => rev === undefined || repository.git.resolve(rev) !== undefined;
    const missing = query.ignoreMissing === 'true' && !(known(query.until) && known(query.since));
    const history = missing
      ? []
      : datacenterCommitHistory(
          repository.git,
          datacenterRevision(repository, query.until),
          query.since === undefined || query.since === '' ? undefined : datacenterRevision(repository, query.since),
          query.path,
          query.followRenames === 'true',
        );
    const commits = keepMerges(history, query.merges);
    const page = this.page(req, commits);
    if (query.withCounts !== 'true') return page;
    const authors = new Set(commits.map((commit) => commit.author.email.toLowerCase()));
    return { ...page, authorCount: authors.size, totalCount: commits.length };
  }

  /** By commit id (full or abbreviated); with `path`, the first commit from there on that touches it. */
  @Get(`${REPOSITORY}/commits/:commitId`)
  commit(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('commitId') commitId: string,
    @Req() req: Request,
    @Query('path') path?: string,
  ): Record<string, unknown> {
    const hash = this.commitId(repository, commitId);
    const commit =
      path === undefined || path === '' ? repository.git.get(hash) : repository.git.history([hash], [], path)[0];
    if (commit === undefined) throw datacenterCodeErrors.noSuchCommit(repository, commitId);
    return datacenterCommit(commit, this.store.data, DatacenterLinks.of(req));
  }

  /** Against `since`, or the commit's first parent; the page carries the two hashes. */
  @Get(`${REPOSITORY}/commits/:commitId/changes`)
  changes(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('commitId') commitId: string,
    @Req() req: Request,
    @Query('since') since?: string,
  ): Record<string, unknown> {
    const hash = this.commitId(repository, commitId);
    const given = since === undefined || since === '' ? undefined : datacenterRevision(repository, since);
    const changes = given === undefined ? repository.git.changesOf(hash) : repository.git.changesBetween(given, hash);
    return {
      fromHash: given ?? repository.git.get(hash).parents[0] ?? null,
      toHash: hash,
      ...this.changesPage(req, repository, hash, changes),
    };
  }

  /**
   * The best common ancestor of the commit and `otherCommitId` (required), as a commit; 204 with no
   * body when their histories share none.
   */
  @Get(`${REPOSITORY}/commits/:commitId/merge-base`)
  mergeBase(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('commitId') commitId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query('otherCommitId') otherCommitId?: string,
  ): Record<string, unknown> | undefined {
    const hash = this.commitId(repository, commitId);
    if (otherCommitId === undefined || otherCommitId === '') {
      throw datacenterCodeErrors.missingParameter('otherCommitId');
    }
    const base = repository.git.mergeBase(hash, this.commitId(repository, otherCommitId));
    if (base === undefined) {
      res.status(204);
      return undefined;
    }
    return datacenterCommit(repository.git.get(base), this.store.data, DatacenterLinks.of(req));
  }

  /** Commits reachable from `from` but not from `to` (both default to the default branch). */
  @Get(`${REPOSITORY}/compare/commits`)
  compareCommits(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Query() query: CompareQuery,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { from, to } = datacenterComparison(repository, query.from, query.to);
    return this.page(req, repository.git.history([from], [to]));
  }

  /** What `from` changed since it left `to`: the diff from their merge base to `from`. */
  @Get(`${REPOSITORY}/compare/changes`)
  compareChanges(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Query() query: CompareQuery,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { from, base } = datacenterComparison(repository, query.from, query.to);
    return this.changesPage(req, repository, from, repository.git.changesBetween(base, from));
  }

  private page(req: Request, commits: readonly GitCommit[]): Record<string, unknown> {
    const links = DatacenterLinks.of(req);
    return datacenterPage(req, commits, (commit) => datacenterCommit(commit, this.store.data, links));
  }

  private changesPage(
    req: Request,
    repository: FakeRepository,
    commit: string,
    changes: readonly FileChange[],
  ): Record<string, unknown> {
    const pageHref = DatacenterLinks.of(req).href(
      `/projects/${repository.projectKey}/repos/${repository.slug}/commits/${commit}`,
    );
    return datacenterPage(req, changes, (change) => datacenterChange(change, { pageHref }));
  }

  /** From 2.11 Data Center takes only commit ids here, not `refs/…` names. */
  private commitId(repository: FakeRepository, commitId: string): string {
    if (commitId.startsWith('refs/')) throw datacenterCodeErrors.noSuchCommit(repository, commitId);
    return datacenterRevision(repository, commitId);
  }
}
