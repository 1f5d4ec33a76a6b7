import type { BbComment, BbPullRequest, BbTask, BbUser } from '@app/bitbucket';

const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  alice: 'Alice Martin',
  bob: 'Bob Chen',
  carol: 'Carol Dubois',
  dave: 'Dave Okafor',
  erin: 'Erin Walsh',
};

const user = (name: string): BbUser => ({ id: `{${name}-uuid}`, name, displayName: DISPLAY_NAMES[name] ?? name });

/**
 * Gateway model values for unit specs of tools, shaped like the seeded data (payments-api #3 by
 * carol, reviewed by alice and bob); each builder takes the fields a spec cares about.
 */
export const bitbucketModelFixture = {
  user,

  pullRequest: (overrides: Partial<BbPullRequest> = {}): BbPullRequest => ({
    id: 3,
    title: 'Add refund endpoint',
    description: 'Partial and full refunds of captured payments.',
    state: 'OPEN',
    draft: false,
    author: user('carol'),
    sourceBranch: 'feature/refunds',
    sourceCommit: '0217274cc9a7f3e1d2c4b5a6978812345678abcd',
    destinationBranch: 'main',
    destinationCommit: 'd93c76fb2128aa11bb22cc33dd44ee55ff667788',
    reviewers: [
      { user: user('alice'), role: 'reviewer', status: 'approved' },
      { user: user('bob'), role: 'reviewer', status: 'none' },
    ],
    createdOn: '2026-03-09T07:30:00.000Z',
    updatedOn: '2026-03-11T06:00:00.000Z',
    commentCount: 5,
    openTaskCount: 1,
    url: 'https://bitbucket.example/acme/payments-api/pull-requests/3',
    ...overrides,
  }),

  comment: (overrides: Partial<BbComment> & Pick<BbComment, 'id'>): BbComment => ({
    author: user('alice'),
    text: `Comment ${overrides.id}`,
    createdOn: '2026-03-11T03:00:00.000Z',
    updatedOn: '2026-03-11T03:00:00.000Z',
    resolved: false,
    deleted: false,
    replies: [],
    ...overrides,
  }),

  task: (overrides: Partial<BbTask> & Pick<BbTask, 'id'>): BbTask => ({
    text: `Task ${overrides.id}`,
    state: 'OPEN',
    author: user('alice'),
    createdOn: '2026-03-11T07:15:00.000Z',
    ...overrides,
  }),
};
