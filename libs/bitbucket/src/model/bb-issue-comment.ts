import type { BbUser } from './bb-user';

export interface BbIssueComment {
  readonly id: number;
  readonly author?: BbUser;
  readonly text: string;
  readonly createdOn: string;
}
