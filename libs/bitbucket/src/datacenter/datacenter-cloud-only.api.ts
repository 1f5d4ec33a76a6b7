import type { BitbucketAreas } from '../bitbucket-areas';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';

const cloudOnly = (feature: 'pipelines' | 'issues') => async (): Promise<never> =>
  Promise.reject(
    new BitbucketException(BitbucketErrorCode.UNSUPPORTED, `Bitbucket Data Center has no ${feature} API`, {
      params: { feature },
    }),
  );
const noPipelines = cloudOnly('pipelines');
const noIssues = cloudOnly('issues');

/** Pipelines and issues are Bitbucket Cloud services: Data Center has neither API, so each call is UNSUPPORTED. */
export const datacenterCloudOnlyApi: BitbucketAreas['pipelines'] & BitbucketAreas['issues'] = {
  listPipelines: noPipelines,
  getPipeline: noPipelines,
  triggerPipeline: noPipelines,
  stopPipeline: noPipelines,
  listPipelineSteps: noPipelines,
  getPipelineStepLog: noPipelines,
  listIssues: noIssues,
  getIssue: noIssues,
  createIssue: noIssues,
  addIssueComment: noIssues,
};
