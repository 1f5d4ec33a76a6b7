import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeRepository } from '../dataset/fake-repository';
import type { FileChange } from '../git/file-change';
import { changeTouches, renderUnifiedDiff } from '../git/unified-diff';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudList } from '../shared/cloud-list';
import { wildcardPath } from '../shared/wildcard-path';
import { cloudCodeErrors } from './cloud-code-errors';
import { cloudCommit } from './cloud-commit.representation';
import { parseCloudDiffSpec, type CloudDiffSpec } from './cloud-diff-spec';
import { cloudDiffstat } from './cloud-diffstat.representation';
import { formatPatch } from './cloud-format-patch';
import { CloudLinks } from './cloud-links';
import { CloudLookup } from './cloud-lookup.service';
import { cloudQueryList } from './cloud-query-list';
import { sendCloudRaw } from './cloud-raw-response';
import { resolveCloudRevision } from './cloud-revision';
import { CloudRouteRepository } from './cloud-route-repository.decorator';
import { CLOUD_DIFF_CONTEXT } from './cloud-diff-context';

interface Comparison {
  /** The old side; absent for a root commit. */
  readonly from?: string;
  readonly to: string;
  readonly changes: readonly FileChange[];
}

/** Raw diffs, diffstats, patches and merge bases between revisions (docs/bitbucket-api.md#cloud-diffs). */
@Controller('2.0/repositories/:workspace/:repoSlug')
export class CloudDiffsController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: CloudLookup,
  ) {}

  @Get('diff/*spec')
  diff(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Param('spec') spec: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    const comparison = this.compare(caller, repository, wildcardPath(spec), req);
    const context = Number.parseInt(typeof req.query.context === 'string' ? req.query.context : '', 10);
    const changes =
      req.query.binary === 'false'
        ? comparison.changes.filter((change) => change.before?.binary !== true && change.after?.binary !== true)
        : comparison.changes;
    const text = renderUnifiedDiff(changes, {
      context: Number.isInteger(context) && context >= 0 ? context : CLOUD_DIFF_CONTEXT,
      paths: cloudQueryList(req.query.path),
    });
    sendCloudRaw(res, 'text/plain', text);
  }

  @Get('diffstat/*spec')
  diffstat(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Param('spec') spec: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { from, to, changes } = this.compare(caller, repository, wildcardPath(spec), req);
    const paths = cloudQueryList(req.query.path);
    const links = CloudLinks.of(req);
    return cloudList(
      req,
      changes.filter((change) => changeTouches(change, paths)),
      (change) => cloudDiffstat(repository, change, from, to, links),
      { defaultPagelen: 500 },
    );
  }

  /** A single commit, or the series of non-merge commits on the source not on the destination. */
  @Get('patch/*spec')
  patch(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Param('spec') spec: unknown,
    @Res() res: Response,
  ): void {
    const parsed = this.parse(caller, wildcardPath(spec));
    const source = resolveCloudRevision(repository, parsed.source);
    const series =
      parsed.destination === undefined
        ? [source]
        : repository.git
            .history([source.hash], [resolveCloudRevision(repository, parsed.destination).hash])
            .filter((commit) => commit.parents.length <= 1)
            .reverse();
    sendCloudRaw(
      res,
      'text/plain',
      series.map((commit, index) => formatPatch(commit, index + 1, series.length)).join('\n'),
    );
  }

  @Get('merge-base/*revspec')
  mergeBase(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('revspec') revspec: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const parsed = parseCloudDiffSpec(wildcardPath(revspec));
    if (parsed.destination === undefined) {
      throw cloudErrors.badRequest('The revspec must name two commits: a..b', 'revspec');
    }
    const a = resolveCloudRevision(repository, parsed.source).hash;
    const b = resolveCloudRevision(repository, parsed.destination).hash;
    const base = repository.git.mergeBase(a, b);
    if (base === undefined) throw cloudCodeErrors.commitNotFound(a, b);
    return cloudCommit(repository.git.get(base), repository, this.store.data, CloudLinks.of(req));
  }

  /**
   * What a spec compares: a commit against its first parent (with its renames), or the source against
   * the merge base with the destination (`topic`, the default) or the destination itself (`topic=false`).
   */
  private compare(caller: FakeIdentity, repository: FakeRepository, spec: string, req: Request): Comparison {
    const parsed = this.parse(caller, spec);
    const source = resolveCloudRevision(repository, parsed.source);
    if (parsed.destination === undefined) {
      const parent = source.parents[0];
      return { ...(parent === undefined ? {} : { from: parent }), to: source.hash, changes: source.changes };
    }
    const destination = resolveCloudRevision(repository, parsed.destination).hash;
    const from =
      req.query.topic === 'false' ? destination : (repository.git.mergeBase(source.hash, destination) ?? destination);
    return { from, to: source.hash, changes: repository.git.changesBetween(from, source.hash) };
  }

  /** The spec, once the caller may read the source repository it names (the pull request redirect form). */
  private parse(caller: FakeIdentity, spec: string): CloudDiffSpec {
    const parsed = parseCloudDiffSpec(spec);
    if (parsed.sourceRepository !== undefined) {
      this.lookup.repository(caller, parsed.sourceRepository.workspace, parsed.sourceRepository.slug);
    }
    return parsed;
  }
}
