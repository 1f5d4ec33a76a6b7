import type { StepState } from '../domain/pipeline-state';

/** The typed `pipeline_step_state_*` object; a completed step carries its result (NOT_RUN included). */
export function cloudPipelineStepState(state: StepState): Record<string, unknown> {
  const type = `pipeline_step_state_${state.status.toLowerCase()}`;
  if (state.status !== 'COMPLETED' || state.result === undefined) return { name: state.status, type };
  return {
    name: state.status,
    type,
    result: { name: state.result, type: `${type}_${state.result.toLowerCase()}` },
  };
}
