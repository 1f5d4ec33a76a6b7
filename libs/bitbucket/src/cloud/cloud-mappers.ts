import type { BbProject } from '../model/bb-project';
import type { BbRepository } from '../model/bb-repository';
import type { BbUser } from '../model/bb-user';
import type { BbWorkspace } from '../model/bb-workspace';
import type { CloudAccountJson, CloudProjectJson, CloudRepositoryJson, CloudWorkspaceAccessJson } from './cloud-json';

/** Cloud JSON → the gateway's domain model. */
export const cloudMappers = {
  user(json: CloudAccountJson | null | undefined): BbUser {
    return {
      id: json?.uuid ?? json?.account_id ?? json?.nickname ?? 'unknown',
      name: json?.nickname ?? json?.display_name ?? 'unknown',
      displayName: json?.display_name ?? json?.nickname ?? 'unknown',
      ...(json?.account_id === undefined ? {} : { accountId: json.account_id }),
    };
  },

  workspace(json: CloudWorkspaceAccessJson): BbWorkspace {
    const slug = json.workspace?.slug ?? '';
    return {
      slug,
      name: json.workspace?.name ?? slug,
      ...(json.administrator === undefined ? {} : { isAdmin: json.administrator }),
    };
  },

  project(json: CloudProjectJson, workspace: string): BbProject {
    return {
      key: json.key,
      name: json.name ?? json.key,
      description: json.description ?? '',
      isPrivate: json.is_private ?? true,
      workspace,
      ...(json.links?.html?.href === undefined ? {} : { url: json.links.html.href }),
    };
  },

  repository(json: CloudRepositoryJson): BbRepository {
    const [workspace = '', slug = json.slug ?? ''] = (json.full_name ?? '').split('/');
    return {
      workspace: json.workspace?.slug ?? workspace,
      slug: json.slug ?? slug,
      name: json.name ?? slug,
      description: json.description ?? '',
      isPrivate: json.is_private ?? true,
      ...(json.mainbranch?.name === undefined ? {} : { defaultBranch: json.mainbranch.name }),
      ...(json.project?.key === undefined ? {} : { projectKey: json.project.key }),
      ...(json.language === undefined || json.language === '' ? {} : { language: json.language }),
      ...(json.updated_on === undefined ? {} : { updatedOn: json.updated_on }),
      ...(json.links?.html?.href === undefined ? {} : { url: json.links.html.href }),
      cloneUrls: Object.fromEntries(
        (json.links?.clone ?? []).flatMap((link) =>
          link.name !== undefined && link.href !== undefined ? [[link.name, link.href]] : [],
        ),
      ),
    };
  },
};
