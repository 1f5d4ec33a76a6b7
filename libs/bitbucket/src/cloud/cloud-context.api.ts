import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbProject } from '../model/bb-project';
import type { BbUser } from '../model/bb-user';
import type { BbWorkspace } from '../model/bb-workspace';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { CloudApi } from './cloud-api';
import type { CloudAccountJson, CloudMembershipJson, CloudProjectJson, CloudWorkspaceAccessJson } from './cloud-json';
import { cloudBbql } from './cloud-bbql';
import { cloudMappers } from './cloud-mappers';
import { cloudPath } from './cloud-path';
import { requireCloudWorkspace } from './cloud-workspace';
import { upstreamPath } from '../upstream/upstream-path';
import { cloudAnswers } from './cloud-answers';

/** Cloud: current user, workspaces (GET /user/workspaces since 2026), projects, members. */
export class CloudContextApi {
  constructor(private readonly api: CloudApi) {}

  async getCurrentUser(options?: CallOptions): Promise<BbUser> {
    return cloudMappers.user(
      await this.api.json<CloudAccountJson>({ method: 'GET', route: 'GET /user', path: '/user' }, options?.signal),
    );
  }

  async listWorkspaces(options?: PageOptions): Promise<BbPage<BbWorkspace>> {
    return this.api.page(
      'workspaces',
      { route: 'GET /user/workspaces', path: '/user/workspaces' },
      options,
      (json: CloudWorkspaceAccessJson) => cloudMappers.workspace(json),
    );
  }

  /** Cloud projects live in workspaces: there is no listing across all of them. */
  async listProjects(input: { workspace?: string }, options?: PageOptions): Promise<BbPage<BbProject>> {
    const workspace = input.workspace;
    if (workspace === undefined || workspace === '') {
      return Promise.reject(
        new BitbucketException(BitbucketErrorCode.UNSUPPORTED, 'Bitbucket Cloud lists projects per workspace only', {
          params: { feature: 'projects across workspaces' },
        }),
      );
    }
    return this.api.page(
      `projects ${workspace}`,
      {
        route: 'GET /workspaces/{workspace}/projects',
        values: cloudAnswers.project,
        path: cloudPath.workspace(workspace, '/projects'),
      },
      options,
      (json: CloudProjectJson) => cloudMappers.project(json, workspace),
    );
  }

  async getProject(input: { workspace?: string; key: string }, options?: CallOptions): Promise<BbProject> {
    const workspace = requireCloudWorkspace(input.workspace);
    const json = await this.api.json<CloudProjectJson>(
      {
        method: 'GET',
        route: 'GET /workspaces/{workspace}/projects/{key}',
        answer: cloudAnswers.project,
        path: cloudPath.workspace(workspace, `/projects/${upstreamPath.segment('key', input.key)}`),
      },
      options?.signal,
    );
    return cloudMappers.project(json, workspace);
  }

  /** Workspace members, optionally filtered by a name fragment (Cloud has no user search outside a workspace). */
  async listUsers(input: { workspace?: string; query?: string }, options?: PageOptions): Promise<BbPage<BbUser>> {
    const workspace = requireCloudWorkspace(input.workspace);
    const name = input.query === undefined || input.query === '' ? undefined : cloudBbql.string(input.query);
    return this.api.page(
      `members ${workspace} ${input.query ?? ''}`,
      {
        route: 'GET /workspaces/{workspace}/members',
        path: cloudPath.workspace(workspace, '/members'),
        ...(name === undefined ? {} : { query: { q: `user.display_name ~ ${name} OR user.nickname ~ ${name}` } }),
      },
      options,
      (json: CloudMembershipJson) => cloudMappers.user(json.user),
    );
  }
}
