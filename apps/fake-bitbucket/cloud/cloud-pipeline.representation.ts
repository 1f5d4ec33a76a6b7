import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePipeline } from '../dataset/fake-pipeline';
import type { FakeRepository } from '../dataset/fake-repository';
import type { PipelineState } from '../domain/pipeline-state';
import { cloudAccount } from './cloud-account.representation';
import { cloudRepositoryRef } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';
import { cloudPipelinePath } from './cloud-pipeline-path';
import { cloudPipelineState } from './cloud-pipeline-state.representation';
import { cloudShortCommit } from './cloud-short-commit.representation';

/** Cloud `pipeline` (docs/bitbucket-api.md#cloud-pipelines) with its state as of `state`. */
export function cloudPipeline(
  pipeline: FakePipeline,
  state: PipelineState,
  repository: FakeRepository,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const creator = data.findUser(pipeline.creatorSlug);
  const path = cloudPipelinePath(pipeline);
  return {
    type: 'pipeline',
    uuid: pipeline.uuid,
    build_number: pipeline.buildNumber,
    run_number: 1,
    creator: creator === undefined ? null : cloudAccount(creator, links),
    repository: cloudRepositoryRef(repository, links),
    target: {
      type: 'pipeline_ref_target',
      ref_type: pipeline.refType,
      ref_name: pipeline.refName,
      selector: {
        type: pipeline.selector.type,
        ...(pipeline.selector.pattern === undefined ? {} : { pattern: pipeline.selector.pattern }),
      },
      commit: cloudShortCommit(repository, pipeline.commit, links),
    },
    trigger: {
      name: pipeline.trigger.toUpperCase(),
      type: `pipeline_trigger_${pipeline.trigger}`,
    },
    state: cloudPipelineState(state, pipeline, data, links),
    created_on: pipeline.createdAt.toISOString(),
    ...(state.completedOn === undefined ? {} : { completed_on: state.completedOn.toISOString() }),
    duration_in_seconds: state.durationSeconds,
    build_seconds_used: state.durationSeconds,
    first_successful: false,
    expired: false,
    has_variables: pipeline.variables.length > 0,
    variables: pipeline.variables.map((variable) => ({
      type: 'pipeline_variable',
      key: variable.key,
      secured: variable.secured,
      ...(variable.secured ? {} : { value: variable.value }),
    })),
    links: { self: links.api(path), steps: links.api(`${path}/steps`) },
  };
}
