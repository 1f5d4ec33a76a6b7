import { BitbucketErrorCode, type BbPipeline, type PageOptions } from '@app/bitbucket';
import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { GetPipelineTool } from './get-pipeline.tool';

/** Build numbers `from` down to 1, newest first, as Cloud lists them, `perPage` a page. */
function history(from: number, perPage: number) {
  const all = Array.from({ length: from }, (_, i) =>
    bb.pipeline({ uuid: `{pipeline-${from - i}}`, buildNumber: from - i }),
  );
  const pagesRead: number[] = [];
  const listPipelines = async (_repo: unknown, _filter: unknown, options: PageOptions): Promise<unknown> => {
    const page = Number(options.cursor ?? 0);
    pagesRead.push(page);
    const items = all.slice(page * perPage, (page + 1) * perPage);
    return Promise.resolve(bb.page(items, (page + 1) * perPage < all.length ? String(page + 1) : undefined));
  };
  return { listPipelines, pagesRead };
}

describe('GetPipelineTool', () => {
  const args = { workspace: 'acme', repo: 'payments-api' };

  it('reads a pipeline by uuid', async () => {
    const tool = new GetPipelineTool(
      bb.client({
        getPipeline: async (_repo: unknown, input: { uuid: string }): Promise<BbPipeline> =>
          Promise.resolve(bb.pipeline({ uuid: input.uuid, buildNumber: 5, result: 'FAILED' })),
      }),
    );
    const context = toolContextFixture();
    const pipeline = await tool.run({ ...args, pipeline: ' {pipeline-5} ' }, context);
    expect(pipeline).toMatchObject({ uuid: '{pipeline-5}', buildNumber: 5, state: 'COMPLETED', result: 'FAILED' });
    expect(tool.render(pipeline, context)).toMatch(
      /^#5 FAILED main@d93c76fb2128 \(manual, Alice Martin\) tools\.DURATION_MINUTES \{"minutes":1,"seconds":"45"\}, /,
    );
  });

  it('finds a build number among the most recent runs, reading pages until it appears', async () => {
    const { listPipelines, pagesRead } = history(250, 100);
    const tool = new GetPipelineTool(bb.client({ listPipelines }));
    expect(await tool.run({ ...args, pipeline: '#120' }, toolContextFixture())).toMatchObject({
      uuid: '{pipeline-120}',
      buildNumber: 120,
    });
    expect(pagesRead).toEqual([0, 1]);
    expect((await tool.run({ ...args, pipeline: 250 }, toolContextFixture())).uuid).toBe('{pipeline-250}');
  });

  it('stops looking once the runs are older than the build number, and says it found none', async () => {
    const { listPipelines, pagesRead } = history(6, 100);
    const tool = new GetPipelineTool(bb.client({ listPipelines }));
    await expect(tool.run({ ...args, pipeline: 99 }, toolContextFixture())).rejects.toMatchObject({
      code: BitbucketErrorCode.NOT_FOUND,
      params: { detail: 'tools.PIPELINE_NUMBER_NOT_FOUND {"buildNumber":99,"scanned":500}' },
    });
    expect(pagesRead).toEqual([0]);
  });

  it('gives up after five pages of runs', async () => {
    const { listPipelines, pagesRead } = history(2000, 100);
    const tool = new GetPipelineTool(bb.client({ listPipelines }));
    await expect(tool.run({ ...args, pipeline: 3 }, toolContextFixture())).rejects.toMatchObject({
      code: BitbucketErrorCode.NOT_FOUND,
    });
    expect(pagesRead).toEqual([0, 1, 2, 3, 4]);
  });
});
