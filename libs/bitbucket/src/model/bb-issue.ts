import type { BbUser } from './bb-user';

export interface BbIssue {
  readonly id: number;
  readonly title: string;
  readonly content: string;
  readonly state: string;
  readonly kind: string;
  readonly priority: string;
  readonly reporter?: BbUser;
  readonly assignee?: BbUser;
  readonly createdOn: string;
  readonly updatedOn: string;
  readonly url?: string;
}
