import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { TriggerPipelineTool } from './trigger-pipeline.tool';

describe('TriggerPipelineTool', () => {
  it('starts a custom pipeline on a tag commit with variables, and says how to follow it', async () => {
    const asked: unknown[] = [];
    const tool = new TriggerPipelineTool(
      bb.client({
        triggerPipeline: async (repo: unknown, input: unknown) => {
          asked.push([repo, input]);
          return Promise.resolve(
            bb.pipeline({ buildNumber: 9, status: 'PENDING', result: undefined, refName: 'v0.2.0' }),
          );
        },
      }),
    );
    const context = toolContextFixture();
    const variables = [
      { key: 'ENV', value: 'staging' },
      { key: 'TOKEN', value: 's3cret', secured: true },
    ];
    const pipeline = await tool.run(
      {
        workspace: 'acme',
        repo: 'payments-api',
        ref: 'v0.2.0',
        refType: 'tag',
        commit: 'd93c76fb',
        customPipeline: 'deploy-to-staging',
        variables,
      },
      context,
    );

    expect(asked).toEqual([
      [
        { workspace: 'acme', repo: 'payments-api' },
        { ref: 'v0.2.0', refType: 'tag', commit: 'd93c76fb', customPipeline: 'deploy-to-staging', variables },
      ],
    ]);
    expect(pipeline).toMatchObject({ buildNumber: 9, state: 'PENDING' });
    const text = tool.render(pipeline, context);
    expect(text.split('\n')[0]).toBe('tools.PIPELINE_TRIGGERED {"buildNumber":9,"ref":"v0.2.0","state":"PENDING"}');
    expect(text).not.toContain('s3cret');
  });

  it('is a write that runs again on every call, and refuses malformed variables and commits', () => {
    const tool = new TriggerPipelineTool(bb.client({}));
    expect(tool.definition.hints).toMatchObject({ readOnlyHint: false, idempotentHint: false, destructiveHint: false });
    const base = { workspace: 'acme', repo: 'payments-api', ref: 'main' };
    expect(tool.definition.input.safeParse({ ...base, variables: [{ key: '1ENV', value: 'x' }] }).success).toBe(false);
    expect(tool.definition.input.safeParse({ ...base, commit: 'not-a-hash' }).success).toBe(false);
    expect(tool.definition.input.safeParse(base).success).toBe(true);
  });
});
