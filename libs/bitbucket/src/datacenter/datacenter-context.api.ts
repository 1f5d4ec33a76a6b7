import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { BbPage } from '../model/bb-page';
import type { BbProject } from '../model/bb-project';
import type { BbUser } from '../model/bb-user';
import type { BbWorkspace } from '../model/bb-workspace';
import type { DatacenterApi } from './datacenter-api';
import type { DatacenterProjectJson, DatacenterUserJson } from './datacenter-json';
import { datacenterMappers } from './datacenter-mappers';
import { datacenterPath } from './datacenter-path';
import { upstreamPath } from '../upstream/upstream-path';
import { datacenterAnswers } from './datacenter-answers';

/** Data Center: current user, projects, users. Data Center has no workspaces. */
export class DatacenterContextApi {
  constructor(private readonly api: DatacenterApi) {}

  /** Data Center has no "myself" resource: any authenticated answer names the caller in X-AUSERNAME. */
  async getCurrentUser(options?: CallOptions): Promise<BbUser> {
    const probe = await this.api.send(
      {
        method: 'GET',
        route: 'GET /rest/api/latest/projects',
        path: datacenterPath.api('/projects'),
        query: { limit: 1 },
      },
      options?.signal,
    );
    const slug = probe.header('x-ausername');
    if (slug === undefined) {
      throw new BitbucketException(
        BitbucketErrorCode.UNAUTHORIZED,
        'Data Center did not name the authenticated user (anonymous access?)',
        {
          params: { status: probe.status },
        },
      );
    }
    return datacenterMappers.user(
      await this.api.json<DatacenterUserJson>(
        {
          method: 'GET',
          route: 'GET /rest/api/latest/users/{slug}',
          path: datacenterPath.api(`/users/${upstreamPath.segment('userSlug', slug)}`),
        },
        options?.signal,
      ),
    );
  }

  async listWorkspaces(): Promise<BbPage<BbWorkspace>> {
    return Promise.reject(
      new BitbucketException(BitbucketErrorCode.UNSUPPORTED, 'Data Center has no workspaces; list projects instead', {
        params: { feature: 'workspaces' },
      }),
    );
  }

  async listProjects(_input: { workspace?: string }, options?: PageOptions): Promise<BbPage<BbProject>> {
    return this.api.page(
      'projects',
      {
        route: 'GET /rest/api/latest/projects',
        values: datacenterAnswers.project,
        path: datacenterPath.api('/projects'),
      },
      options,
      (json: DatacenterProjectJson) => datacenterMappers.project(json),
    );
  }

  async getProject(input: { key: string }, options?: CallOptions): Promise<BbProject> {
    return datacenterMappers.project(
      await this.api.json<DatacenterProjectJson>(
        {
          method: 'GET',
          route: 'GET /rest/api/latest/projects/{key}',
          answer: datacenterAnswers.project,
          path: datacenterPath.project('key', input.key),
        },
        options?.signal,
      ),
    );
  }

  async listUsers(input: { query?: string }, options?: PageOptions): Promise<BbPage<BbUser>> {
    return this.api.page(
      `users ${input.query ?? ''}`,
      {
        route: 'GET /rest/api/latest/users',
        path: datacenterPath.api('/users'),
        ...(input.query === undefined || input.query === '' ? {} : { query: { filter: input.query } }),
      },
      options,
      (json: DatacenterUserJson) => datacenterMappers.user(json),
    );
  }
}
