import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { DatacenterLinks } from './datacenter-links';
import { DatacenterLookup } from './datacenter-lookup.service';
import { datacenterProject } from './datacenter-project.representation';
import { datacenterRepository } from './datacenter-repository.representation';
import { DATACENTER_API_ROOTS } from './datacenter-routes';
import { datacenterUser } from './datacenter-user.representation';

const contains = (value: string, filter: string | undefined): boolean =>
  filter === undefined || value.toLowerCase().includes(filter.toLowerCase());

/** Projects, repositories and users. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterProjectsController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: DatacenterLookup,
  ) {}

  @Get('projects')
  projects(@Caller() caller: FakeIdentity, @Req() req: Request, @Query('name') name?: string): Record<string, unknown> {
    const links = DatacenterLinks.of(req);
    const projects = this.lookup.visibleProjects(caller).filter((p) => contains(p.name, name));
    return datacenterPage(req, projects, (project) => datacenterProject(project, links));
  }

  @Get('projects/:projectKey')
  project(
    @Caller() caller: FakeIdentity,
    @Param('projectKey') key: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    return datacenterProject(this.lookup.project(caller, key), DatacenterLinks.of(req));
  }

  @Get('projects/:projectKey/repos')
  projectRepositories(
    @Caller() caller: FakeIdentity,
    @Param('projectKey') key: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const project = this.lookup.project(caller, key);
    const links = DatacenterLinks.of(req);
    const repositories = this.store.data.repositories.filter((r) => r.projectKey === project.key);
    return datacenterPage(req, repositories, (repository) => datacenterRepository(repository, this.store.data, links));
  }

  @Get('repos')
  repositories(
    @Caller() caller: FakeIdentity,
    @Req() req: Request,
    @Query('name') name?: string,
    @Query('projectkey') projectKey?: string,
  ): Record<string, unknown> {
    const links = DatacenterLinks.of(req);
    const visible = new Set(this.lookup.visibleProjects(caller).map((p) => p.key));
    const repositories = this.store.data.repositories.filter(
      (r) =>
        visible.has(r.projectKey) &&
        contains(r.name, name) &&
        (projectKey === undefined || r.projectKey === projectKey.toUpperCase()),
    );
    return datacenterPage(req, repositories, (repository) => datacenterRepository(repository, this.store.data, links));
  }

  @Get('projects/:projectKey/repos/:repositorySlug')
  repository(
    @Caller() caller: FakeIdentity,
    @Param('projectKey') key: string,
    @Param('repositorySlug') slug: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    return datacenterRepository(this.lookup.repository(caller, key, slug), this.store.data, DatacenterLinks.of(req));
  }

  @Get('users')
  users(@Req() req: Request, @Query('filter') filter?: string): Record<string, unknown> {
    const links = DatacenterLinks.of(req);
    const users = this.store.data.users.filter(
      (u) => contains(u.slug, filter) || contains(u.displayName, filter) || contains(u.email, filter),
    );
    return datacenterPage(req, users, (user) => datacenterUser(user, links));
  }

  @Get('users/:userSlug')
  user(@Param('userSlug') slug: string, @Req() req: Request): Record<string, unknown> {
    const user = this.store.data.findUser(slug);
    if (user === undefined) {
      throw datacenterErrors.notFound(
        `User ${slug} does not exist.`,
        'com.atlassian.bitbucket.user.NoSuchUserException',
      );
    }
    return datacenterUser(user, DatacenterLinks.of(req));
  }
}
