/** A person (or bot) known to both flavors: Cloud shows uuid/account_id/nickname, Data Center id/name/slug. */
export interface FakeUser {
  readonly id: number;
  readonly uuid: string;
  readonly accountId: string;
  /** DC `name` and `slug`, Cloud `nickname`. */
  readonly slug: string;
  readonly displayName: string;
  readonly email: string;
  readonly createdAt: Date;
  readonly type: 'NORMAL' | 'SERVICE';
}
