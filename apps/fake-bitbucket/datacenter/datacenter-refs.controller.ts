import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeRepository } from '../dataset/fake-repository';
import { RefOperations } from '../domain/ref.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { wildcardPath } from '../shared/wildcard-path';
import { datacenterBranchMetadata } from './datacenter-branch-metadata';
import { datacenterBranch } from './datacenter-branch.representation';
import { DatacenterLinks } from './datacenter-links';
import { orderDatacenterRefs, type DatacenterRefQuery } from './datacenter-ref-order';
import { datacenterRevision } from './datacenter-revision';
import { DATACENTER_REPOSITORY as REPOSITORY } from './datacenter-repository-route';
import { DatacenterRouteRepository } from './datacenter-route-repository.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';
import { datacenterTag } from './datacenter-tag.representation';

interface BranchQuery extends DatacenterRefQuery {
  readonly details?: string;
  readonly base?: string;
}

const createRefSchema = z.object({
  name: z.string({ error: 'A name is required.' }).trim().min(1, 'A name is required.'),
  startPoint: z.string({ error: 'A start point is required.' }).trim().min(1, 'A start point is required.'),
  message: z.string().optional(),
});

/** Branches and tags of a repository: list, read, create (deletion is branch-utils' and git's). */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterRefsController {
  constructor(
    private readonly store: FakeStore,
    private readonly refs: RefOperations,
  ) {}

  /** `details=true` adds each branch's metadata, compared with `base` (default: the default branch). */
  @Get(`${REPOSITORY}/branches`)
  branches(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Query() query: BranchQuery,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { git } = repository;
    const branches = [...git.branches].map(([name, head]) => ({
      name,
      head,
      modified: git.get(head).committedAt.getTime(),
    }));
    const links = DatacenterLinks.of(req);
    const base = query.details === 'true' ? datacenterRevision(repository, query.base) : undefined;
    return datacenterPage(req, orderDatacenterRefs(branches, query), ({ name, head }) => ({
      ...datacenterBranch(repository, name, head),
      ...(base === undefined
        ? {}
        : { metadata: datacenterBranchMetadata(repository, head, base, this.store.data, links) }),
    }));
  }

  @Get(`${REPOSITORY}/branches/default`)
  defaultBranch(@DatacenterRouteRepository() repository: FakeRepository): Record<string, unknown> {
    const name = repository.git.defaultBranch;
    const head = repository.git.branches.get(name);
    if (head === undefined) {
      throw datacenterErrors.notFound(
        `The default branch 'refs/heads/${name}' does not exist in ${repository.projectKey}/${repository.slug}.`,
        'com.atlassian.bitbucket.repository.NoSuchBranchException',
      );
    }
    return datacenterBranch(repository, name, head);
  }

  /** 200 with the branch, as Data Center answers; `refs/heads/` on the name is accepted. */
  @Post(`${REPOSITORY}/branches`)
  @HttpCode(200)
  createBranch(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Body() body: unknown,
  ): Record<string, unknown> {
    const input = createRefSchema.parse(body);
    const name = input.name.replace(/^refs\/heads\//, '');
    const startPoint = datacenterRevision(repository, input.startPoint);
    return datacenterBranch(repository, name, this.refs.createBranch(repository, name, startPoint));
  }

  @Get(`${REPOSITORY}/tags`)
  tags(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Query() query: DatacenterRefQuery,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { git } = repository;
    const tags = [...git.tags.values()].map((tag) => ({
      ...tag,
      modified: (tag.date ?? git.get(tag.target).committedAt).getTime(),
    }));
    return datacenterPage(req, orderDatacenterRefs(tags, query), datacenterTag);
  }

  /** Tag names may hold slashes (`release/1.0`). */
  @Get(`${REPOSITORY}/tags/*name`)
  tag(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('name') rawName: unknown,
  ): Record<string, unknown> {
    const name = wildcardPath(rawName).replace(/^refs\/tags\//, '');
    const tag = repository.git.tags.get(name);
    if (tag === undefined) {
      throw datacenterErrors.notFound(
        `Tag '${name}' does not exist in repository '${repository.slug}'.`,
        'com.atlassian.bitbucket.repository.NoSuchTagException',
      );
    }
    return datacenterTag(tag);
  }

  /** An annotated tag when a message is given, else a lightweight one; 200 with the tag. */
  @Post(`${REPOSITORY}/tags`)
  @HttpCode(200)
  createTag(
    @Caller() caller: FakeIdentity,
    @DatacenterRouteRepository() repository: FakeRepository,
    @Body() body: unknown,
  ): Record<string, unknown> {
    const input = createRefSchema.parse(body);
    const name = input.name.replace(/^refs\/tags\//, '');
    const startPoint = datacenterRevision(repository, input.startPoint);
    return datacenterTag(this.refs.createTag(repository, name, startPoint, caller.user, input.message));
  }
}
