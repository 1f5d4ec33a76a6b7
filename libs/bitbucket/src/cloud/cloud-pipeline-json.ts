import type { CloudAccountJson } from './cloud-json';

/** Cloud 2.0 JSON of pipelines (docs/bitbucket-api.md#cloud-pipelines): typed states, `{uuid}` ids. */
export interface CloudPipelineStateJson {
  readonly name?: string;
  readonly stage?: { readonly name?: string } | null;
  readonly result?: { readonly name?: string } | null;
}

export interface CloudPipelineJson {
  readonly uuid: string;
  readonly build_number?: number;
  readonly state?: CloudPipelineStateJson;
  readonly creator?: CloudAccountJson | null;
  readonly target?: {
    readonly ref_type?: string;
    readonly ref_name?: string;
    readonly commit?: { readonly hash?: string } | null;
  } | null;
  readonly trigger?: { readonly name?: string; readonly type?: string } | null;
  readonly created_on?: string;
  readonly completed_on?: string | null;
  readonly duration_in_seconds?: number;
  readonly build_seconds_used?: number;
}

export interface CloudPipelineStepJson {
  readonly uuid: string;
  readonly name?: string;
  readonly state?: CloudPipelineStateJson;
  readonly started_on?: string | null;
  readonly completed_on?: string | null;
  readonly duration_in_seconds?: number;
}
