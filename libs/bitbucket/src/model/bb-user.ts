/** A Bitbucket user in either flavor. `id` is the stable id to refer to them (Cloud uuid, DC slug). */
export interface BbUser {
  readonly id: string;
  /** Cloud nickname, Data Center user slug. */
  readonly name: string;
  readonly displayName: string;
  readonly email?: string;
  /** Cloud account id (used in mentions and some filters). */
  readonly accountId?: string;
}
