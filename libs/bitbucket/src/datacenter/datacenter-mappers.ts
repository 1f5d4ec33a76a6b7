import type { BbProject } from '../model/bb-project';
import type { BbRepository } from '../model/bb-repository';
import type { BbUser } from '../model/bb-user';
import type { DatacenterProjectJson, DatacenterRepositoryJson, DatacenterUserJson } from './datacenter-json';

/** Data Center JSON → the gateway's domain model. */
export const datacenterMappers = {
  user(json: DatacenterUserJson | null | undefined): BbUser {
    const slug = json?.slug ?? json?.name ?? 'unknown';
    return {
      id: slug,
      name: slug,
      displayName: json?.displayName ?? json?.name ?? slug,
      ...(json?.emailAddress === undefined ? {} : { email: json.emailAddress }),
    };
  },

  project(json: DatacenterProjectJson): BbProject {
    const url = json.links?.self?.[0]?.href;
    return {
      key: json.key,
      name: json.name ?? json.key,
      description: json.description ?? '',
      isPrivate: json.public !== true,
      ...(url === undefined ? {} : { url }),
    };
  },

  repository(json: DatacenterRepositoryJson, defaultBranch?: string): BbRepository {
    const url = json.links?.self?.[0]?.href;
    return {
      workspace: json.project?.key ?? '',
      slug: json.slug,
      name: json.name ?? json.slug,
      description: json.description ?? '',
      isPrivate: json.public !== true,
      ...(defaultBranch === undefined ? {} : { defaultBranch }),
      ...(json.project?.key === undefined ? {} : { projectKey: json.project.key }),
      ...(url === undefined ? {} : { url }),
      cloneUrls: Object.fromEntries(
        (json.links?.clone ?? []).flatMap((link) =>
          link.name !== undefined && link.href !== undefined ? [[link.name, link.href]] : [],
        ),
      ),
    };
  },
};
