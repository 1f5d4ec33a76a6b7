import { Injectable } from '@nestjs/common';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeProject } from '../dataset/fake-project';
import type { FakeRepository } from '../dataset/fake-repository';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';

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

  visibleProjects(caller: FakeIdentity): FakeProject[] {
    return this.store.data.projects.filter((p) => this.canSee(caller, p));
  }
}
