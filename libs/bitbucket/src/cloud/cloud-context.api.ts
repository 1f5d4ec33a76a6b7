import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbProject } from '../model/bb-project';
import type { BbUser } from '../model/bb-user';
import type { BbWorkspace } from '../model/bb-workspace';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { CloudApi } from './cloud-api';
import type { CloudAccountJson, CloudMembershipJson, CloudProjectJson, CloudWorkspaceAccessJson } from './cloud-json';
import { cloudMappers } from './cloud-mappers';
import { cloudPath } from './cloud-path';

function requireWorkspace(workspace: string | undefined): string {
  if (workspace === undefined || workspace === '') {
    throw new BitbucketException(BitbucketErrorCode.VALIDATION, 'Bitbucket Cloud needs a workspace here', {
      params: { detail: 'workspace is required on Bitbucket Cloud' },
    });
  }
  return workspace;
}

/** Cloud: current user, workspaces (GET /user/workspaces since 2026), projects, members. */
export class CloudContextApi {
  constructor(private readonly api: CloudApi) {}

  async getCurrentUser(options?: CallOptions): Promise<BbUser> {
    return cloudMappers.user(
      await this.api.json<CloudAccountJson>({ method: 'GET', route: 'GET /user', path: '/user' }, options?.signal),
    );
  }

  listWorkspaces(options?: PageOptions): Promise<BbPage<BbWorkspace>> {
    return this.api.page(
      'workspaces',
      { route: 'GET /user/workspaces', path: '/user/workspaces' },
      options,
      (json: CloudWorkspaceAccessJson) => cloudMappers.workspace(json),
    );
  }

  /** Cloud projects live in workspaces: there is no listing across all of them. */
  listProjects(input: { workspace?: string }, options?: PageOptions): Promise<BbPage<BbProject>> {
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
      { route: 'GET /workspaces/{workspace}/projects', path: cloudPath.workspace(workspace, '/projects') },
      options,
      (json: CloudProjectJson) => cloudMappers.project(json, workspace),
    );
  }

  async getProject(input: { workspace?: string; key: string }, options?: CallOptions): Promise<BbProject> {
    const workspace = requireWorkspace(input.workspace);
    const json = await this.api.json<CloudProjectJson>(
      {
        method: 'GET',
        route: 'GET /workspaces/{workspace}/projects/{key}',
        path: cloudPath.workspace(workspace, `/projects/${cloudPath.segment(input.key)}`),
      },
      options?.signal,
    );
    return cloudMappers.project(json, workspace);
  }

  /** Workspace members, optionally filtered by a name fragment (Cloud has no user search outside a workspace). */
  listUsers(input: { workspace?: string; query?: string }, options?: PageOptions): Promise<BbPage<BbUser>> {
    const workspace = requireWorkspace(input.workspace);
    const query = input.query?.replaceAll('"', '');
    return this.api.page(
      `members ${workspace} ${query ?? ''}`,
      {
        route: 'GET /workspaces/{workspace}/members',
        path: cloudPath.workspace(workspace, '/members'),
        ...(query === undefined || query === ''
          ? {}
          : { query: { q: `user.display_name ~ "${query}" OR user.nickname ~ "${query}"` } }),
      },
      options,
      (json: CloudMembershipJson) => cloudMappers.user(json.user),
    );
  }
}
