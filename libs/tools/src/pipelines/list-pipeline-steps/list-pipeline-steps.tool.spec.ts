import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { ListPipelineStepsTool } from './list-pipeline-steps.tool';

describe('ListPipelineStepsTool', () => {
  it('lists the steps of a run, one line each with result and duration', async () => {
    const tool = new ListPipelineStepsTool(
      bb.client({
        listPipelineSteps: async (_repo: unknown, input: { uuid: string }) =>
          Promise.resolve(
            bb.page(
              input.uuid === '{pipeline-5}'
                ? [
                    bb.step({ uuid: '{lint}', name: 'Lint', durationSeconds: 20 }),
                    bb.step({ uuid: '{test}', result: 'FAILED', durationSeconds: 95 }),
                    bb.step({
                      uuid: '{build}',
                      name: 'Build',
                      result: 'NOT_RUN',
                      startedOn: undefined,
                      durationSeconds: 0,
                    }),
                  ]
                : [],
            ),
          ),
      }),
    );
    const context = toolContextFixture();
    const listing = await tool.run({ workspace: 'acme', repo: 'payments-api', pipeline: '{pipeline-5}' }, context);

    expect(listing.items[2]).toEqual({
      uuid: '{build}',
      name: 'Build',
      state: 'COMPLETED',
      result: 'NOT_RUN',
      completedOn: '2026-03-11T19:00:40.000Z',
      durationSeconds: 0,
    });
    expect(tool.render(listing, context).split('\n')).toEqual([
      'Lint SUCCESSFUL tools.DURATION_SECONDS {"seconds":20} {lint}',
      'Test FAILED tools.DURATION_MINUTES {"minutes":1,"seconds":"35"} {test}',
      'Build NOT_RUN {build}',
    ]);
  });
});
