import type { BbPipeline, BbPipelineStatus } from '../model/bb-pipeline';
import type { BbPipelineStep } from '../model/bb-pipeline-step';
import { cloudMappers } from './cloud-mappers';
import type { CloudPipelineJson, CloudPipelineStateJson, CloudPipelineStepJson } from './cloud-pipeline-json';

const STATUSES: readonly BbPipelineStatus[] = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'PAUSED', 'HALTED'];

/** A running pipeline's stage says when it is paused or halted (its RUNNING stage is plain IN_PROGRESS). */
function status(state: CloudPipelineStateJson | undefined): BbPipelineStatus {
  const name = state?.name === 'IN_PROGRESS' ? (state.stage?.name ?? state.name) : state?.name;
  return STATUSES.find((known) => known === name) ?? 'IN_PROGRESS';
}

const defined = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === undefined || value === null ? {} : ({ [key]: value } as Record<K, V>);

/** Cloud pipelines and their steps → the domain model. */
export const cloudPipelineMappers = {
  pipeline(json: CloudPipelineJson): BbPipeline {
    const trigger = json.trigger?.type?.replace(/^pipeline_trigger_/, '') ?? json.trigger?.name?.toLowerCase();
    return {
      uuid: json.uuid,
      buildNumber: json.build_number ?? 0,
      status: status(json.state),
      ...defined('result', json.state?.result?.name),
      ...defined('refType', json.target?.ref_type),
      ...defined('refName', json.target?.ref_name),
      ...defined('commit', json.target?.commit?.hash),
      ...defined('trigger', trigger),
      ...(json.creator === undefined || json.creator === null ? {} : { creator: cloudMappers.user(json.creator) }),
      createdOn: json.created_on ?? '',
      ...defined('completedOn', json.completed_on),
      ...defined('durationSeconds', json.duration_in_seconds ?? json.build_seconds_used),
    };
  },

  step(json: CloudPipelineStepJson): BbPipelineStep {
    return {
      uuid: json.uuid,
      name: json.name ?? '',
      status: json.state?.name ?? 'PENDING',
      ...defined('result', json.state?.result?.name),
      ...defined('startedOn', json.started_on),
      ...defined('completedOn', json.completed_on),
      ...defined('durationSeconds', json.duration_in_seconds),
    };
  },
};
