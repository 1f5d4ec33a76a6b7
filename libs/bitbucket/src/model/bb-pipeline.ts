import type { BbUser } from './bb-user';

export type BbPipelineStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'PAUSED' | 'HALTED';

export interface BbPipeline {
  readonly uuid: string;
  readonly buildNumber: number;
  readonly status: BbPipelineStatus;
  /** For COMPLETED: SUCCESSFUL, FAILED, ERROR, STOPPED or EXPIRED. */
  readonly result?: string;
  readonly refType?: string;
  readonly refName?: string;
  readonly commit?: string;
  readonly trigger?: string;
  readonly creator?: BbUser;
  readonly createdOn: string;
  readonly completedOn?: string;
  readonly durationSeconds?: number;
}
