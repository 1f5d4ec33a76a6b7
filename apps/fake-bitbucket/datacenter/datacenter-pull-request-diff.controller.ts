import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { PullRequestOperations } from '../domain/pull-request.operations';
import { renderUnifiedDiff } from '../git/unified-diff';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { wildcardPath } from '../shared/wildcard-path';
import { datacenterChange } from './datacenter-change.representation';
import { datacenterCommit } from './datacenter-commit.representation';
import { datacenterDiff } from './datacenter-diff.representation';
import { DatacenterLinks } from './datacenter-links';
import { changeUnderPaths } from './datacenter-path-filter';
import { DATACENTER_PULL_REQUEST as PULL_REQUEST } from './datacenter-pull-request-route';
import { DatacenterRoutePullRequest } from './datacenter-route-pull-request.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';

/** `git diff`'s own default context for the raw diff; the JSON diff defaults to Data Center's 10. */
const RAW_CONTEXT_LINES = 3;

interface DiffQuery {
  readonly contextLines?: string;
  readonly whitespace?: string;
  readonly srcPath?: string;
}

function contextLinesOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const lines = Number(value);
  if (!Number.isInteger(lines) || lines < 0) {
    throw datacenterErrors.badRequest('contextLines must be a non-negative number of lines.', 'contextLines');
  }
  return lines;
}

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

  @Get(`${PULL_REQUEST}.diff`)
  rawDiff(@DatacenterRoutePullRequest() pr: FakePullRequest, @Query() query: DiffQuery, @Res() res: Response): void {
    this.sendRaw(pr, query, [], res);
  }

  /** JSON by default; `Accept: text/plain` streams the raw diff instead, as Data Center does. */
  @Get([`${PULL_REQUEST}/diff`, `${PULL_REQUEST}/diff/*path`])
  diff(
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Param('path') rawPath: unknown,
    @Query() query: DiffQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    const path = wildcardPath(rawPath);
    const paths = [path, query.srcPath ?? ''].filter((p) => p !== '');
    if (req.accepts(['application/json', 'text/plain']) === 'text/plain') {
      this.sendRaw(pr, query, paths, res);
      return;
    }
    const contextLines = contextLinesOf(query.contextLines);
    res.status(200).json(
      datacenterDiff(this.operations.changes(pr), {
        fromHash: this.operations.destinationHead(pr),
        toHash: this.operations.sourceHead(pr),
        ...(contextLines === undefined ? {} : { contextLines }),
        whitespace: query.whitespace === 'ignore-all' ? 'IGNORE_ALL' : 'SHOW',
        paths,
      }),
    );
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

  private sendRaw(pr: FakePullRequest, query: DiffQuery, paths: readonly string[], res: Response): void {
    const changes = this.operations.changes(pr).filter((change) => changeUnderPaths(change, paths));
    const text = renderUnifiedDiff(changes, {
      context: contextLinesOf(query.contextLines) ?? RAW_CONTEXT_LINES,
      ignoreWhitespace: query.whitespace === 'ignore-all',
    });
    res.status(200).type('text/plain').send(text);
  }
}
