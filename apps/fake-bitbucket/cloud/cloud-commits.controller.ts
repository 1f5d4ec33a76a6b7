import { Controller, Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { FakeRepository } from '../dataset/fake-repository';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudList } from '../shared/cloud-list';
import { wildcardPath } from '../shared/wildcard-path';
import { cloudCommit } from './cloud-commit.representation';
import { CloudLinks } from './cloud-links';
import { cloudQueryList } from './cloud-query-list';
import { resolveCloudRevision } from './cloud-revision';
import { CloudRouteRepository } from './cloud-route-repository.decorator';

/** Commit history (docs/bitbucket-api.md#cloud-commits): `git log` with include/exclude/path, iterator-paged, newest first. */
@Controller('2.0/repositories/:workspace/:repoSlug')
export class CloudCommitsController {
  constructor(private readonly store: FakeStore) {}

  /** Without a revision or `include`, every branch and tag (`git log --all`). */
  @Get('commits')
  all(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request): Record<string, unknown> {
    return this.history(req, repository, []);
  }

  @Get('commits/*revision')
  fromRevision(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('revision') revision: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    return this.history(req, repository, [wildcardPath(revision)]);
  }

  @Get('commit/:commit')
  commit(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('commit') revision: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    return cloudCommit(resolveCloudRevision(repository, revision), repository, this.store.data, CloudLinks.of(req));
  }

  private history(req: Request, repository: FakeRepository, revisions: readonly string[]): Record<string, unknown> {
    const include = [...revisions, ...cloudQueryList(req.query.include)];
    const heads =
      include.length > 0
        ? include.map((rev) => resolveCloudRevision(repository, rev).hash)
        : [...repository.git.branches.values(), ...[...repository.git.tags.values()].map((tag) => tag.target)];
    const exclude = cloudQueryList(req.query.exclude).map((rev) => resolveCloudRevision(repository, rev).hash);
    const path = typeof req.query.path === 'string' ? req.query.path : undefined;
    const links = CloudLinks.of(req);
    return cloudList(
      req,
      repository.git.history(heads, exclude, path),
      (commit) => cloudCommit(commit, repository, this.store.data, links),
      { iterator: true, defaultPagelen: 30 },
    );
  }
}
