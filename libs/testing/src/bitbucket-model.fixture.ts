import type { BbIssue, BbPage, BbPipeline, BbPipelineStep, BbUser, BitbucketClient } from '@app/bitbucket';

const alice: BbUser = { id: '{alice-uuid}', name: 'alice', displayName: 'Alice Martin' };

/**
 * Domain objects as the gateway returns them, and a BitbucketClient that answers only the methods a
 * unit spec gives it (any other call fails the spec loudly), for the unit specs of tools.
 */
export const bitbucketFixtures = {
  user(overrides: Partial<BbUser> = {}): BbUser {
    return { ...alice, ...overrides };
  },

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
      assignee: { id: '{bob-uuid}', name: 'bob', displayName: 'Bob Chen' },
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
};
