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
import { CloudLookup } from './cloud-lookup.service';
import { resolveCloudRevision } from './cloud-revision';
import { cloudTag } from './cloud-tag.representation';

const REQUIRED = 'This field is required.';
const createRefSchema = z.object({
  name: z.string({ error: REQUIRED }).min(1, REQUIRED),
  target: z.object({ hash: z.string({ error: REQUIRED }).min(1, REQUIRED) }, { error: REQUIRED }),
  message: z.string().optional(),
});

type Ref = { readonly kind: 'branch'; readonly name: string } | { readonly kind: 'tag'; readonly tag: GitTag };

/** Branches and tags (NOTES §2.3): listed in `git show-ref` order, created from a hash or a branch name. */
@Controller('2.0/repositories/:workspace/:repoSlug/refs')
export class CloudRefsController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: CloudLookup,
    private readonly refs: RefOperations,
  ) {}

  @Get()
  all(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
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
  branches(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const links = CloudLinks.of(req);
    return cloudList(req, this.branchNames(repository), (name) =>
      cloudBranch(repository, name, this.store.data, links),
    );
  }

  @Post('branches')
  @HttpCode(201)
  createBranch(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const input = createRefSchema.parse(body);
    const target = resolveCloudRevision(repository, input.target.hash);
    if (repository.git.branches.has(input.name)) throw cloudCodeErrors.refExists('Branch', input.name);
    this.refs.createBranch(repository, input.name, target.hash);
    return cloudBranch(repository, input.name, this.store.data, CloudLinks.of(req));
  }

  @Get('branches/*name')
  branch(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Param('name') name: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const branch = wildcardPath(name);
    if (!repository.git.branches.has(branch)) throw cloudCodeErrors.branchNotFound(branch);
    return cloudBranch(repository, branch, this.store.data, CloudLinks.of(req));
  }

  @Delete('branches/*name')
  @HttpCode(204)
  deleteBranch(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Param('name') name: unknown,
  ): void {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const branch = wildcardPath(name);
    if (!repository.git.branches.has(branch)) throw cloudCodeErrors.branchNotFound(branch);
    this.refs.deleteBranch(repository, branch);
  }

  @Get('tags')
  tagList(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const links = CloudLinks.of(req);
    return cloudList(req, this.tags(repository), (tag) => cloudTag(repository, tag, this.store.data, links));
  }

  /** A `message` makes an annotated tag, tagged by the caller. */
  @Post('tags')
  @HttpCode(201)
  createTag(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const input = createRefSchema.parse(body);
    const target = repository.git.resolve(input.target.hash);
    if (target === undefined) throw cloudCodeErrors.invalidTarget(input.target.hash);
    if (repository.git.tags.has(input.name)) throw cloudCodeErrors.refExists('Tag', input.name);
    const tag = this.refs.createTag(repository, input.name, target, caller.user, input.message);
    return cloudTag(repository, tag, this.store.data, CloudLinks.of(req));
  }

  @Get('tags/*name')
  tag(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Param('name') name: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const tag = repository.git.tags.get(wildcardPath(name));
    if (tag === undefined) throw cloudCodeErrors.tagNotFound(wildcardPath(name));
    return cloudTag(repository, tag, this.store.data, CloudLinks.of(req));
  }

  @Delete('tags/*name')
  @HttpCode(204)
  deleteTag(
    @Caller() caller: FakeIdentity,
    @Param('workspace') workspace: string,
    @Param('repoSlug') repoSlug: string,
    @Param('name') name: unknown,
  ): void {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const tag = wildcardPath(name);
    if (!repository.git.tags.has(tag)) throw cloudCodeErrors.tagNotFound(tag);
    this.refs.deleteTag(repository, tag);
  }

  private branchNames(repository: FakeRepository): string[] {
    return [...repository.git.branches.keys()].sort(gitNameOrder);
  }

  private tags(repository: FakeRepository): GitTag[] {
    return [...repository.git.tags.values()].sort((a, b) => gitNameOrder(a.name, b.name));
  }
}
