export type FakeBuildState = 'SUCCESSFUL' | 'FAILED' | 'INPROGRESS' | 'STOPPED';

export interface FakeBuildStatus {
  readonly repoKey: string;
  readonly commit: string;
  readonly key: string;
  name: string;
  state: FakeBuildState;
  url: string;
  description: string;
  readonly createdAt: Date;
  updatedAt: Date;
}
