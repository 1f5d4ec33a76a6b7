import { Injectable } from '@nestjs/common';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeProject } from '../dataset/fake-project';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import type { FakeRepository } from '../dataset/fake-repository';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterReviewErrors } from './datacenter-review-errors';

/** Finds what a Data Center URL names; a project is visible to members of the workspace that holds it. */
@Injectable()
export class DatacenterLookup {
  constructor(private readonly store: FakeStore) {}

  canSee(caller: FakeIdentity, project: FakeProject): boolean {
    return this.store.data.findWorkspace(project.workspaceSlug)?.members.includes(caller.user.slug) === true;
  }

  project(caller: FakeIdentity, key: string): FakeProject {
    const project = this.store.data.findProject(key);
    if (project === undefined || !this.canSee(caller, project)) throw datacenterErrors.noSuchProject(key);
    return project;
  }

  repository(caller: FakeIdentity, projectKey: string, slug: string): FakeRepository {
    const project = this.project(caller, projectKey);
    const repository = this.store.data.findRepositoryInProject(project.key, slug);
    if (repository === undefined) throw datacenterErrors.noSuchRepository(`${project.key}/${slug}`);
    return repository;
  }

  /** The pull request the URL names, or Data Center's 404 (an id that is not a number names none). */
  pullRequest(caller: FakeIdentity, projectKey: string, slug: string, id: string): FakePullRequest {
    const repository = this.repository(caller, projectKey, slug);
    const pr = /^\d+$/.test(id) ? this.store.data.findPullRequest(repository, Number(id)) : undefined;
    if (pr === undefined) throw datacenterReviewErrors.noSuchPullRequest(id, repository);
    return pr;
  }

  visibleProjects(caller: FakeIdentity): FakeProject[] {
    return this.store.data.projects.filter((p) => this.canSee(caller, p));
  }
}
