export interface BbPipelineStep {
  readonly uuid: string;
  readonly name: string;
  readonly status: string;
  readonly result?: string;
  readonly startedOn?: string;
  readonly completedOn?: string;
  readonly durationSeconds?: number;
}
