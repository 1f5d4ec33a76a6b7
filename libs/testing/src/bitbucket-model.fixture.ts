import type {
  BbComment,
  BbIssue,
  BbPage,
  BbPipeline,
  BbPipelineStep,
  BbPullRequest,
  BbTask,
  BbUser,
  BitbucketClient,
} from '@app/bitbucket';

const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  alice: 'Alice Martin',
  bob: 'Bob Chen',
  carol: 'Carol Dubois',
  dave: 'Dave Okafor',
  erin: 'Erin Walsh',
};

const user = (name = 'alice', overrides: Partial<BbUser> = {}): BbUser => ({
  id: `{${name}-uuid}`,
  name,
  displayName: DISPLAY_NAMES[name] ?? name,
  ...overrides,
});
const alice = user('alice');

/**
 * Gateway model values for unit specs of tools, shaped like the seeded data (payments-api #3 by
 * carol, reviewed by alice and bob; pipeline #6; issue #1); each builder takes the fields a spec
 * cares about. `client` is a BitbucketClient answering only the methods a spec gives it: any other
 * call fails the spec loudly.
 */
export const bitbucketModelFixture = {
  user,

  pipeline(overrides: Partial<BbPipeline> = {}): BbPipeline {
    return {
      uuid: '{pipeline-6}',
      buildNumber: 6,
      status: 'COMPLETED',
      result: 'SUCCESSFUL',
      refType: 'branch',
      refName: 'main',
      commit: 'd93c76fb2128aa5544f0e1c2b3a4d5e6f7a8b9c0',
      trigger: 'manual',
      creator: alice,
      createdOn: '2026-03-11T19:00:00.000Z',
      completedOn: '2026-03-11T19:01:45.000Z',
      durationSeconds: 105,
      ...overrides,
    };
  },

  step(overrides: Partial<BbPipelineStep> = {}): BbPipelineStep {
    return {
      uuid: '{step-test}',
      name: 'Test',
      status: 'COMPLETED',
      result: 'SUCCESSFUL',
      startedOn: '2026-03-11T19:00:05.000Z',
      completedOn: '2026-03-11T19:00:40.000Z',
      durationSeconds: 35,
      ...overrides,
    };
  },

  issue(overrides: Partial<BbIssue> = {}): BbIssue {
    return {
      id: 1,
      title: 'Capture fails for JPY amounts',
      content: 'JPY has no minor unit; amountMinor is off by 100.',
      state: 'open',
      kind: 'bug',
      priority: 'critical',
      reporter: alice,
      assignee: user('bob'),
      createdOn: '2026-03-11T23:00:00.000Z',
      updatedOn: '2026-03-12T08:00:00.000Z',
      url: 'https://bitbucket.org/acme/payments-api/issues/1',
      ...overrides,
    };
  },

  page<T>(items: readonly T[], cursor?: string): BbPage<T> {
    return { items, ...(cursor === undefined ? {} : { cursor }) };
  },

  client(methods: Partial<Record<keyof BitbucketClient, unknown>>): BitbucketClient {
    return new Proxy(methods, {
      get: (target, name: string) => {
        if (name === 'then') return undefined;
        const method = (target as Record<string, unknown>)[name];
        if (method === undefined) throw new Error(`The spec did not expect BitbucketClient.${name}`);
        return method;
      },
    }) as unknown as BitbucketClient;
  },

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
