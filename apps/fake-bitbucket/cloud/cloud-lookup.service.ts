import { Injectable } from '@nestjs/common';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import type { FakeRepository } from '../dataset/fake-repository';
import type { FakeWorkspace } from '../dataset/fake-workspace';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';

/** Finds what a Cloud URL names, answering Cloud's own 404 when it does not exist or the caller is no member. */
@Injectable()
export class CloudLookup {
  constructor(private readonly store: FakeStore) {}

  workspace(caller: FakeIdentity, slug: string): FakeWorkspace {
    const workspace = this.store.data.findWorkspace(slug);
    if (!workspace?.members.includes(caller.user.slug)) {
      throw cloudErrors.notFound(`No workspace with identifier '${slug}'.`);
    }
    return workspace;
  }

  repository(caller: FakeIdentity, workspaceSlug: string, slug: string): FakeRepository {
    const repository = this.store.data.findRepository(workspaceSlug, slug);
    const workspace = this.store.data.findWorkspace(workspaceSlug);
    if (repository === undefined || !workspace?.members.includes(caller.user.slug)) {
      throw cloudErrors.repositoryNotFound();
    }
    return repository;
  }

  /** The pull request of `…/pullrequests/{id}`, or Cloud's 404 for an unknown repository or id. */
  pullRequest(caller: FakeIdentity, workspaceSlug: string, slug: string, id: string): FakePullRequest {
    const repository = this.repository(caller, workspaceSlug, slug);
    const pr = /^\d+$/.test(id) ? this.store.data.findPullRequest(repository, Number(id)) : undefined;
    if (pr === undefined) throw cloudErrors.notFound();
    return pr;
  }

  /** Workspaces the caller belongs to, by slug. */
  workspacesOf(caller: FakeIdentity): FakeWorkspace[] {
    return this.store.data.workspaces.filter((w) => w.members.includes(caller.user.slug));
  }
}
