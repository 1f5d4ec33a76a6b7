import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { StopPipelineTool } from './stop-pipeline.tool';

describe('StopPipelineTool', () => {
  it('stops the run a build number names and answers its state after the stop', async () => {
    const stopped: string[] = [];
    const running = bb.pipeline({ uuid: '{pipeline-9}', buildNumber: 9, status: 'IN_PROGRESS', result: undefined });
    const tool = new StopPipelineTool(
      bb.client({
        listPipelines: async () => Promise.resolve(bb.page([running, bb.pipeline()])),
        stopPipeline: async (_repo: unknown, input: { uuid: string }) => {
          stopped.push(input.uuid);
          return Promise.resolve();
        },
        getPipeline: async (_repo: unknown, input: { uuid: string }) =>
          Promise.resolve({
            ...running,
            uuid: input.uuid,
            status: 'COMPLETED',
            result: stopped.length > 0 ? 'STOPPED' : undefined,
          }),
      }),
    );
    const context = toolContextFixture();
    const pipeline = await tool.run({ workspace: 'acme', repo: 'payments-api', pipeline: 9, confirm: true }, context);

    expect(stopped).toEqual(['{pipeline-9}']);
    expect(pipeline).toMatchObject({ buildNumber: 9, state: 'COMPLETED', result: 'STOPPED' });
    expect(tool.render(pipeline, context).split('\n')[0]).toBe(
      'tools.PIPELINE_STOPPED {"buildNumber":9,"state":"STOPPED"}',
    );
  });

  it('is destructive and takes the confirm argument', () => {
    const tool = new StopPipelineTool(bb.client({}));
    expect(tool.definition.hints.destructiveHint).toBe(true);
    expect(tool.definition.input.shape.confirm).toBeDefined();
  });
});
