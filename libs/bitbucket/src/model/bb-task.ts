import type { BbUser } from './bb-user';

export interface BbTask {
  readonly id: number;
  readonly text: string;
  readonly state: 'OPEN' | 'RESOLVED';
  readonly author: BbUser;
  readonly createdOn: string;
  /** The comment the task hangs off, when it has one. */
  readonly commentId?: number;
  readonly version?: number;
}
