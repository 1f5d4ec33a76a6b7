import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeRepository } from '../dataset/fake-repository';
import { RefOperations } from '../domain/ref.operations';
import type { GitTag } from '../git/git-tag';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudList } from '../shared/cloud-list';
import { wildcardPath } from '../shared/wildcard-path';
import { cloudBranch } from './cloud-branch.representation';
import { cloudCodeErrors } from './cloud-code-errors';
import { gitNameOrder } from './cloud-git-name-order';
import { CloudLinks } from './cloud-links';
import { CloudRouteRepository } from './cloud-route-repository.decorator';
import { resolveCloudRevision } from './cloud-revision';
import { cloudTag } from './cloud-tag.representation';

const REQUIRED = 'This field is required.';
const createRefSchema = z.object({
  name: z.string({ error: REQUIRED }).min(1, REQUIRED),
  target: z.object({ hash: z.string({ error: REQUIRED }).min(1, REQUIRED) }, { error: REQUIRED }),
  message: z.string().optional(),
});

type Ref = { readonly kind: 'branch'; readonly name: string } | { readonly kind: 'tag'; readonly tag: GitTag };

/** Branches and tags (docs/bitbucket-api.md#cloud-refs): listed in `git show-ref` order, created from a hash or a branch name. */
@Controller('2.0/repositories/:workspace/:repoSlug/refs')
export class CloudRefsController {
  constructor(
    private readonly store: FakeStore,
    private readonly refs: RefOperations,
  ) {}

  @Get()
  all(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request): Record<string, unknown> {
    const refs: Ref[] = [
      ...this.branchNames(repository).map((name): Ref => ({ kind: 'branch', name })),
      ...this.tags(repository).map((tag): Ref => ({ kind: 'tag', tag })),
    ];
    const links = CloudLinks.of(req);
    return cloudList(req, refs, (ref) =>
      ref.kind === 'branch'
        ? cloudBranch(repository, ref.name, this.store.data, links)
        : cloudTag(repository, ref.tag, this.store.data, links),
    );
  }

  @Get('branches')
  branches(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request): Record<string, unknown> {
    const links = CloudLinks.of(req);
    return cloudList(req, this.branchNames(repository), (name) =>
      cloudBranch(repository, name, this.store.data, links),
    );
  }

  @Post('branches')
  @HttpCode(201)
  createBranch(
    @CloudRouteRepository() repository: FakeRepository,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = createRefSchema.parse(body);
    const target = resolveCloudRevision(repository, input.target.hash);
    if (repository.git.branches.has(input.name)) throw cloudCodeErrors.refExists('Branch', input.name);
    this.refs.createBranch(repository, input.name, target.hash);
    return cloudBranch(repository, input.name, this.store.data, CloudLinks.of(req));
  }

  @Get('branches/*name')
  branch(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('name') name: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    return cloudBranch(repository, this.existingBranch(repository, name), this.store.data, CloudLinks.of(req));
  }

  @Delete('branches/*name')
  @HttpCode(204)
  deleteBranch(@CloudRouteRepository() repository: FakeRepository, @Param('name') name: unknown): void {
    this.refs.deleteBranch(repository, this.existingBranch(repository, name));
  }

  @Get('tags')
  tagList(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request): Record<string, unknown> {
    const links = CloudLinks.of(req);
    return cloudList(req, this.tags(repository), (tag) => cloudTag(repository, tag, this.store.data, links));
  }

  /** A `message` makes an annotated tag, tagged by the caller. */
  @Post('tags')
  @HttpCode(201)
  createTag(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = createRefSchema.parse(body);
    const target = repository.git.resolve(input.target.hash);
    if (target === undefined) throw cloudCodeErrors.invalidTarget(input.target.hash);
    if (repository.git.tags.has(input.name)) throw cloudCodeErrors.refExists('Tag', input.name);
    const tag = this.refs.createTag(repository, input.name, target, caller.user, input.message);
    return cloudTag(repository, tag, this.store.data, CloudLinks.of(req));
  }

  @Get('tags/*name')
  tag(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('name') name: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    return cloudTag(repository, this.existingTag(repository, name), this.store.data, CloudLinks.of(req));
  }

  @Delete('tags/*name')
  @HttpCode(204)
  deleteTag(@CloudRouteRepository() repository: FakeRepository, @Param('name') name: unknown): void {
    this.refs.deleteTag(repository, this.existingTag(repository, name).name);
  }

  /** The branch a `branches/{name}` route names, or Cloud's 404. */
  private existingBranch(repository: FakeRepository, name: unknown): string {
    const branch = wildcardPath(name);
    if (!repository.git.branches.has(branch)) throw cloudCodeErrors.branchNotFound(branch);
    return branch;
  }

  /** The tag a `tags/{name}` route names, or Cloud's 404. */
  private existingTag(repository: FakeRepository, name: unknown): GitTag {
    const tag = repository.git.tags.get(wildcardPath(name));
    if (tag === undefined) throw cloudCodeErrors.tagNotFound(wildcardPath(name));
    return tag;
  }

  private branchNames(repository: FakeRepository): string[] {
    return [...repository.git.branches.keys()].sort(gitNameOrder);
  }

  private tags(repository: FakeRepository): GitTag[] {
    return [...repository.git.tags.values()].sort((a, b) => gitNameOrder(a.name, b.name));
  }
}
