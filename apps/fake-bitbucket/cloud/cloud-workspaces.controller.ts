import { Controller, Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeWorkspace } from '../dataset/fake-workspace';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudList } from '../shared/cloud-list';
import { cloudAccount } from './cloud-account.representation';
import { CloudLinks } from './cloud-links';
import { CloudLookup } from './cloud-lookup.service';
import { cloudProject } from './cloud-project.representation';
import { cloudUser } from './cloud-user.representation';
import { cloudWorkspace } from './cloud-workspace.representation';

/** The current user, users, workspaces, their members and projects. */
@Controller('2.0')
export class CloudWorkspacesController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: CloudLookup,
  ) {}

  @Get('user')
  currentUser(@Caller() caller: FakeIdentity, @Req() req: Request): Record<string, unknown> {
    return cloudUser(caller.user, CloudLinks.of(req));
  }

  @Get('users/:selectedUser')
  user(@Param('selectedUser') selectedUser: string, @Req() req: Request): Record<string, unknown> {
    const user = this.store.data.findUser(selectedUser);
    if (user === undefined) throw cloudErrors.notFound(`${selectedUser} is not a valid user`);
    return cloudUser(user, CloudLinks.of(req));
  }

  /** The 2026 replacement for GET /workspaces (docs/bitbucket-api.md#cloud-removed-endpoints). */
  @Get('user/workspaces')
  myWorkspaces(@Caller() caller: FakeIdentity, @Req() req: Request): Record<string, unknown> {
    const links = CloudLinks.of(req);
    return cloudList(
      req,
      this.lookup.workspacesOf(caller),
      (workspace: FakeWorkspace) => ({
        type: 'workspace_access',
        administrator: workspace.admins.includes(caller.user.slug),
        workspace: {
          type: 'workspace_base',
          uuid: workspace.uuid,
          slug: workspace.slug,
          links: {
            self: links.api(`/workspaces/${workspace.slug}`),
            avatar: links.web(`/workspaces/${workspace.slug}/avatar/`),
          },
        },
      }),
      { defaultPagelen: 25 },
    );
  }

  @Get('workspaces')
  workspaces(): never {
    throw cloudErrors.gone();
  }

  @Get('user/permissions/workspaces')
  workspacePermissions(): never {
    throw cloudErrors.gone();
  }

  @Get('workspaces/:workspace')
  workspace(
    @Caller() caller: FakeIdentity,
    @Param('workspace') slug: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    return cloudWorkspace(this.lookup.workspace(caller, slug), CloudLinks.of(req));
  }

  @Get('workspaces/:workspace/members')
  members(
    @Caller() caller: FakeIdentity,
    @Param('workspace') slug: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const workspace = this.lookup.workspace(caller, slug);
    const links = CloudLinks.of(req);
    return cloudList(req, workspace.members, (member) => this.membership(workspace, member, links), {
      defaultPagelen: 50,
    });
  }

  @Get('workspaces/:workspace/members/:member')
  member(
    @Caller() caller: FakeIdentity,
    @Param('workspace') slug: string,
    @Param('member') member: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const workspace = this.lookup.workspace(caller, slug);
    const user = this.store.data.findUser(member);
    if (user === undefined || !workspace.members.includes(user.slug))
      throw cloudErrors.notFound(`${member} is not a member of ${slug}`);
    return this.membership(workspace, user.slug, CloudLinks.of(req));
  }

  @Get('workspaces/:workspace/projects')
  projects(
    @Caller() caller: FakeIdentity,
    @Param('workspace') slug: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const workspace = this.lookup.workspace(caller, slug);
    const links = CloudLinks.of(req);
    return cloudList(
      req,
      this.store.data.projects.filter((p) => p.workspaceSlug === workspace.slug),
      (project) => cloudProject(project, this.store.data, links),
    );
  }

  @Get('workspaces/:workspace/projects/:projectKey')
  project(
    @Caller() caller: FakeIdentity,
    @Param('workspace') slug: string,
    @Param('projectKey') key: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const workspace = this.lookup.workspace(caller, slug);
    const project = this.store.data.findProject(key);
    if (project?.workspaceSlug !== workspace.slug) throw cloudErrors.notFound(`Project ${key} not found`);
    return cloudProject(project, this.store.data, CloudLinks.of(req));
  }

  private membership(workspace: FakeWorkspace, member: string, links: CloudLinks): Record<string, unknown> {
    return {
      type: 'workspace_membership',
      user: cloudAccount(this.store.data.user(member), links),
      workspace: {
        type: 'workspace',
        uuid: workspace.uuid,
        slug: workspace.slug,
        name: workspace.name,
        links: { self: links.api(`/workspaces/${workspace.slug}`) },
      },
      links: {
        self: links.api(
          `/workspaces/${workspace.slug}/members/${encodeURIComponent(this.store.data.user(member).uuid)}`,
        ),
      },
    };
  }
}
