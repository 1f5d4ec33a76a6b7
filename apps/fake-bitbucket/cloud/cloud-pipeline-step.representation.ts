import type { FakePipeline } from '../dataset/fake-pipeline';
import type { StepState } from '../domain/pipeline-state';
import type { CloudLinks } from './cloud-links';
import { cloudPipelinePath } from './cloud-pipeline-path';
import { cloudPipelineStepState } from './cloud-pipeline-step-state.representation';

const userCommand = (command: string): Record<string, string> => ({ commandType: 'user', command, name: command });

/** Cloud `pipeline_step` (recorded steps page): its commands, image and state; a running step's duration counts to `now`. */
export function cloudPipelineStep(
  pipeline: FakePipeline,
  state: StepState,
  now: Date,
  links: CloudLinks,
): Record<string, unknown> {
  const { step } = state;
  const seconds =
    state.startedOn === undefined
      ? 0
      : Math.round(((state.completedOn ?? now).getTime() - state.startedOn.getTime()) / 1000);
  const path = `${cloudPipelinePath(pipeline)}/steps/${encodeURIComponent(step.uuid)}`;
  return {
    type: 'pipeline_step',
    uuid: step.uuid,
    name: step.name,
    pipeline: { type: 'pipeline', uuid: pipeline.uuid },
    run_number: 1,
    maxTime: 120,
    image: { name: step.image },
    setup_commands: [
      userCommand('umask 000'),
      userCommand(`git clone --branch="${pipeline.refName}" --depth 50 $BITBUCKET_GIT_HTTP_ORIGIN $BUILD_DIR`),
      userCommand(`git reset --hard ${pipeline.commit}`),
    ],
    script_commands: step.script.map(userCommand),
    trigger: { type: 'pipeline_step_trigger_automatic' },
    state: cloudPipelineStepState(state),
    ...(state.startedOn === undefined ? {} : { started_on: state.startedOn.toISOString() }),
    ...(state.completedOn === undefined ? {} : { completed_on: state.completedOn.toISOString() }),
    duration_in_seconds: seconds,
    build_seconds_used: seconds,
    links: { self: links.api(path), log: links.api(`${path}/log`) },
  };
}
