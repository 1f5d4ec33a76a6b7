import {
  BitbucketErrorCode,
  BitbucketException,
  type BbPipeline,
  type BbPipelineStep,
  type BbRepositoryRef,
  type BitbucketClient,
} from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';

/** Cloud pages of 100 read, newest first, to find a pipeline by build number. */
const SCANNED_PAGES = 5;
const PAGE_SIZE = 100;
/** Bitbucket runs at most 100 steps a pipeline: one page holds them all. */
const STEPS_PAGE = 100;

function buildNumberOf(pipeline: number | string): number | undefined {
  if (typeof pipeline === 'number') return pipeline;
  const digits = /^#?(\d+)$/.exec(pipeline.trim())?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/**
 * Bitbucket addresses pipelines by uuid only; a build number is found among the most recent
 * pipelines (newest first, so the scan stops once it passes below the number).
 */
async function findByBuildNumber(
  bitbucket: BitbucketClient,
  repo: BbRepositoryRef,
  buildNumber: number,
  context: ToolContext,
): Promise<BbPipeline> {
  let cursor: string | undefined;
  for (let read = 0; read < SCANNED_PAGES; read += 1) {
    const page = await bitbucket.listPipelines(
      repo,
      {},
      { signal: context.signal, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
    );
    const found = page.items.find((pipeline) => pipeline.buildNumber === buildNumber);
    if (found !== undefined) return found;
    cursor = page.cursor;
    const passed = page.items.length > 0 && page.items.every((pipeline) => pipeline.buildNumber < buildNumber);
    if (cursor === undefined || passed) break;
  }
  throw new BitbucketException(
    BitbucketErrorCode.NOT_FOUND,
    `No pipeline #${buildNumber} in ${repo.workspace}/${repo.repo}`,
    {
      params: {
        detail: context.t('tools.PIPELINE_NUMBER_NOT_FOUND', { buildNumber, scanned: SCANNED_PAGES * PAGE_SIZE }),
      },
    },
  );
}

/** Pipelines found through the gateway: by the pipeline argument (build number or uuid), and a run's steps. */
export const pipelineLookup = {
  /** The uuid the gateway needs; no call when the argument already is one. */
  async uuid(
    bitbucket: BitbucketClient,
    repo: BbRepositoryRef,
    pipeline: number | string,
    context: ToolContext,
  ): Promise<string> {
    const buildNumber = buildNumberOf(pipeline);
    return buildNumber === undefined
      ? String(pipeline).trim()
      : (await findByBuildNumber(bitbucket, repo, buildNumber, context)).uuid;
  },

  /** The pipeline itself. */
  async find(
    bitbucket: BitbucketClient,
    repo: BbRepositoryRef,
    pipeline: number | string,
    context: ToolContext,
  ): Promise<BbPipeline> {
    const buildNumber = buildNumberOf(pipeline);
    return buildNumber === undefined
      ? bitbucket.getPipeline(repo, { uuid: String(pipeline).trim() }, { signal: context.signal })
      : findByBuildNumber(bitbucket, repo, buildNumber, context);
  },

  /** Every step of a run, in order. */
  async steps(
    bitbucket: BitbucketClient,
    repo: BbRepositoryRef,
    uuid: string,
    context: ToolContext,
  ): Promise<readonly BbPipelineStep[]> {
    return (await bitbucket.listPipelineSteps(repo, { uuid }, { signal: context.signal, limit: STEPS_PAGE })).items;
  },
};
