import type { BbPipeline } from '@app/bitbucket';
import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { ListPipelinesTool } from './list-pipelines.tool';

describe('ListPipelinesTool', () => {
  const runs = [
    bb.pipeline(),
    bb.pipeline({
      uuid: '{pipeline-5}',
      buildNumber: 5,
      result: 'FAILED',
      refName: 'feature/webhook-signatures',
      commit: 'bec22a506416ffffffffffffffffffffffffffff',
      trigger: 'push',
      creator: bb.user('alice', { displayName: 'Acme CI' }),
      durationSeconds: 55,
      createdOn: '2026-03-11T18:00:00.000Z',
    }),
  ];

  it('passes the filters and paging to Bitbucket and answers one compact line per run', async () => {
    const asked: unknown[] = [];
    const tool = new ListPipelinesTool(
      bb.client({
        listPipelines: async (...args: unknown[]) => {
          asked.push(args.slice(0, 2));
          return Promise.resolve(bb.page(runs, 'next-page'));
        },
      }),
    );
    const context = toolContextFixture();
    const listing = await tool.run(
      { workspace: 'acme', repo: 'payments-api', ref: 'main', status: 'FAILED', limit: 2 },
      context,
    );

    expect(asked).toEqual([
      [
        { workspace: 'acme', repo: 'payments-api' },
        { ref: 'main', status: 'FAILED' },
      ],
    ]);
    expect(listing.items[1]).toEqual({
      uuid: '{pipeline-5}',
      buildNumber: 5,
      state: 'COMPLETED',
      result: 'FAILED',
      refType: 'branch',
      refName: 'feature/webhook-signatures',
      commit: 'bec22a506416ffffffffffffffffffffffffffff',
      trigger: 'push',
      creator: 'Acme CI',
      createdOn: '2026-03-11T18:00:00.000Z',
      completedOn: '2026-03-11T19:01:45.000Z',
      durationSeconds: 55,
    });
    expect(tool.render(listing, context).split('\n')).toEqual([
      '#6 SUCCESSFUL main@d93c76fb2128 (manual, Alice Martin) tools.DURATION_MINUTES {"minutes":1,"seconds":"45"}, 2026-03-11T19:00:00.000Z {pipeline-6}',
      '#5 FAILED feature/webhook-signatures@bec22a506416 (push, Acme CI) tools.DURATION_SECONDS {"seconds":55}, 2026-03-11T18:00:00.000Z {pipeline-5}',
      'tools.MORE_PAGES {"cursor":"next-page"}',
    ]);
  });

  it('shows the state of a run that has not completed, and cuts a page to the response budget', async () => {
    const running: BbPipeline = bb.pipeline({ buildNumber: 9, status: 'IN_PROGRESS', result: undefined });
    const tool = new ListPipelinesTool(
      bb.client({ listPipelines: async () => Promise.resolve(bb.page([running, ...runs])) }),
    );
    const context = toolContextFixture({ budgetChars: 300 });
    const listing = await tool.run({ workspace: 'acme', repo: 'payments-api' }, context);

    expect(listing.items.map((item) => item.buildNumber)).toEqual([9, 6]);
    expect(listing.truncated).toBe('tools.LIST_TRUNCATED {"omitted":1,"limit":2}');
    expect(tool.render(listing, context)).toMatch(/^#9 IN_PROGRESS main@/);
  });

  it('is offered only where Bitbucket has Pipelines', () => {
    const tool = new ListPipelinesTool(bb.client({}));
    expect(tool.definition).toMatchObject({
      toolset: 'pipelines',
      requires: ['pipelines'],
      hints: { readOnlyHint: true },
    });
    expect(tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', status: 'BROKEN' }).success).toBe(false);
  });
});
