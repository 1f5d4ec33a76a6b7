import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePipeline } from '../dataset/fake-pipeline';
import type { PipelineState } from '../domain/pipeline-state';
import { cloudAccount } from './cloud-account.representation';
import type { CloudLinks } from './cloud-links';

/** The typed `pipeline_state_*` object (docs/bitbucket-api.md#cloud-pipelines); a stopped result names who stopped it. */
export function cloudPipelineState(
  state: PipelineState,
  pipeline: FakePipeline,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  if (state.status === 'PENDING') return { name: 'PENDING', type: 'pipeline_state_pending' };
  if (state.status === 'IN_PROGRESS' || state.result === undefined) {
    return {
      name: 'IN_PROGRESS',
      type: 'pipeline_state_in_progress',
      stage: { name: 'RUNNING', type: 'pipeline_state_in_progress_running' },
    };
  }
  const terminator =
    state.result === 'STOPPED' && pipeline.stoppedBySlug !== undefined
      ? data.findUser(pipeline.stoppedBySlug)
      : undefined;
  return {
    name: 'COMPLETED',
    type: 'pipeline_state_completed',
    result: {
      name: state.result,
      type: `pipeline_state_completed_${state.result.toLowerCase()}`,
      ...(terminator === undefined ? {} : { terminator: cloudAccount(terminator, links) }),
    },
  };
}
