import type { BbUser } from './bb-user';

export interface BbActivity {
  readonly type:
    | 'opened'
    | 'updated'
    | 'approved'
    | 'unapproved'
    | 'changes_requested'
    | 'commented'
    | 'merged'
    | 'declined'
    | 'reopened'
    | 'rescoped'
    | 'other';
  readonly user: BbUser;
  readonly date: string;
  /** Comment text for `commented`, changed fields for `updated`. */
  readonly detail?: string;
  readonly commentId?: number;
}
