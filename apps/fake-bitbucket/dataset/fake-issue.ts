export interface FakeIssueComment {
  readonly id: number;
  readonly authorSlug: string;
  readonly text: string;
  readonly createdAt: Date;
}

export interface FakeIssue {
  readonly id: number;
  readonly repoKey: string;
  title: string;
  content: string;
  state: 'new' | 'open' | 'resolved' | 'on hold' | 'invalid' | 'duplicate' | 'wontfix' | 'closed';
  kind: 'bug' | 'enhancement' | 'proposal' | 'task';
  priority: 'trivial' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly reporterSlug: string;
  assigneeSlug?: string;
  readonly createdAt: Date;
  updatedAt: Date;
  votes: number;
  readonly comments: FakeIssueComment[];
}
