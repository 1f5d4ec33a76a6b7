export type FakeStepResult = 'SUCCESSFUL' | 'FAILED';

export interface FakePipelineStep {
  readonly uuid: string;
  readonly name: string;
  readonly image: string;
  readonly script: readonly string[];
  readonly durationMs: number;
  readonly result: FakeStepResult;
  readonly log: readonly string[];
}

/** A Cloud pipeline whose state is computed from the clock: pending, then each step in turn. */
export interface FakePipeline {
  readonly uuid: string;
  readonly buildNumber: number;
  readonly repoKey: string;
  readonly creatorSlug: string;
  readonly refType: 'branch' | 'tag';
  readonly refName: string;
  readonly commit: string;
  readonly selector: { readonly type: 'default' | 'custom' | 'branches'; readonly pattern?: string };
  readonly trigger: 'manual' | 'push';
  readonly variables: readonly { readonly key: string; readonly value: string; readonly secured: boolean }[];
  readonly createdAt: Date;
  /** Time spent PENDING before the first step starts. */
  readonly pendingMs: number;
  readonly steps: readonly FakePipelineStep[];
  stoppedAt?: Date;
  stoppedBySlug?: string;
}
