import type { CallOptions } from '../bitbucket-client.port';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { CloudApi } from './cloud-api';
import { cloudBbql } from './cloud-bbql';
import type { CloudMembershipJson } from './cloud-json';
import { cloudPath } from './cloud-path';

/** How Cloud names a user in bodies (`{uuid}` / `{account_id}`) and BBQL (`author.uuid = "…"`). */
type CloudUserReference = { readonly uuid: string } | { readonly account_id: string };

/** Members are not among the listings BBQL filters (docs/bitbucket-api.md#cloud-filtering): nicknames are matched here too, over at most this many pages. */
const MEMBER_PAGES = 10;
/** Atlassian account ids: `557058:<uuid>`, or 24 hexadecimal characters. */
const ACCOUNT_ID = /^(\d+:[0-9a-f-]{36}|[0-9a-f]{24})$/i;

/**
 * Users as callers name them (a `{uuid}`, an account id, or a nickname) turned into what Cloud accepts:
 * uuids and account ids pass through; a nickname is looked up among the workspace's members.
 */
export class CloudUserReferences {
  constructor(private readonly api: CloudApi) {}

  async resolve(workspace: string, id: string, options?: CallOptions): Promise<CloudUserReference> {
    if (/^\{.+\}$/.test(id)) return { uuid: id };
    if (ACCOUNT_ID.test(id)) return { account_id: id };
    const members = await this.api.all<CloudMembershipJson>(
      {
        route: 'GET /workspaces/{workspace}/members',
        path: cloudPath.workspace(workspace, '/members'),
        query: { q: `user.nickname = ${cloudBbql.string(id)}` },
      },
      MEMBER_PAGES,
      options?.signal,
    );
    const uuid = members.find((member) => member.user?.nickname?.toLowerCase() === id.toLowerCase())?.user?.uuid;
    if (uuid === undefined) {
      throw new BitbucketException(BitbucketErrorCode.NOT_FOUND, `No member of ${workspace} is called ${id}`, {
        messageKey: 'BITBUCKET_NOT_A_MEMBER',
        params: { workspace, user: id },
      });
    }
    return { uuid };
  }

  /** A BBQL clause matching the user at `field` (`author`, `reviewers`…). */
  async clause(workspace: string, field: string, id: string, options?: CallOptions): Promise<string> {
    const reference = await this.resolve(workspace, id, options);
    return 'uuid' in reference
      ? `${field}.uuid = ${cloudBbql.string(reference.uuid)}`
      : `${field}.account_id = ${cloudBbql.string(reference.account_id)}`;
  }
}
