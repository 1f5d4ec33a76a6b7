export interface BbBuildStatus {
  readonly key: string;
  readonly name: string;
  readonly state: 'SUCCESSFUL' | 'FAILED' | 'INPROGRESS' | 'STOPPED';
  readonly url: string;
  readonly description: string;
  readonly updatedOn?: string;
}
