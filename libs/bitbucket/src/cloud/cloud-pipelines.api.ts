import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbPipeline } from '../model/bb-pipeline';
import type { BbPipelineStep } from '../model/bb-pipeline-step';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import { cloudFilteredPage } from './cloud-filtered-page';
import { cloudPath } from './cloud-path';
import type { CloudPipelineJson, CloudPipelineStepJson } from './cloud-pipeline-json';
import { cloudPipelineMappers } from './cloud-pipeline-mappers';
import { cloudAnswers } from './cloud-answers';

const PIPELINES = '/repositories/{workspace}/{repo}/pipelines';

/** Cloud Pipelines (docs/bitbucket-api.md#cloud-pipelines); pipeline and step uuids travel with their braces, encoded. */
export class CloudPipelinesApi {
  constructor(private readonly api: CloudApi) {}

  /**
   * Newest first. `ref` and `status` go to Cloud as the listing's `target.ref_name` and `status`
   * parameters, which Cloud does not reliably honour (the spec documents no filter and integrators
   * report `status` ignored, docs/bitbucket-api.md#cloud-pipelines), so they also run here over a bounded number of pages (cloudFilteredPage).
   * `status` matches a pipeline's state (PENDING, IN_PROGRESS…) or its result (SUCCESSFUL, FAILED…).
   */
  async listPipelines(
    repo: BbRepositoryRef,
    input: { ref?: string; status?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbPipeline>> {
    const ref = input.ref === undefined || input.ref === '' ? undefined : input.ref;
    const status = input.status === undefined || input.status === '' ? undefined : input.status;
    const listing = `pipelines ${repo.workspace}/${repo.repo} ${JSON.stringify([ref, status])}`;
    const request = {
      route: `GET ${PIPELINES}`,
      path: cloudPath.repository(repo, '/pipelines'),
      values: cloudAnswers.pipeline,
      query: {
        sort: '-created_on',
        ...(ref === undefined ? {} : { 'target.ref_name': ref }),
        ...(status === undefined ? {} : { status }),
      },
    };
    const map = (json: CloudPipelineJson): BbPipeline => cloudPipelineMappers.pipeline(json);
    if (ref === undefined && status === undefined) return this.api.page(listing, request, options, map);
    const keep = (pipeline: BbPipeline): boolean =>
      (ref === undefined || pipeline.refName === ref) &&
      (status === undefined || pipeline.status === status || pipeline.result === status);
    return cloudFilteredPage(this.api, listing, request, options, map, keep);
  }

  async getPipeline(repo: BbRepositoryRef, input: { uuid: string }, options?: CallOptions): Promise<BbPipeline> {
    const json = await this.api.json<CloudPipelineJson>(
      {
        method: 'GET',
        route: `GET ${PIPELINES}/{uuid}`,
        answer: cloudAnswers.pipeline,
        path: this.path(repo, input.uuid),
      },
      options?.signal,
    );
    return cloudPipelineMappers.pipeline(json);
  }

  /** A run of the ref's pipeline, or of a custom one (`selector`), optionally on a given commit, with variables. */
  async triggerPipeline(
    repo: BbRepositoryRef,
    input: {
      ref: string;
      refType?: 'branch' | 'tag';
      commit?: string;
      customPipeline?: string;
      variables?: readonly { key: string; value: string; secured?: boolean }[];
    },
    options?: CallOptions,
  ): Promise<BbPipeline> {
    const json = await this.api.json<CloudPipelineJson>(
      {
        method: 'POST',
        route: `POST ${PIPELINES}`,
        answer: cloudAnswers.pipeline,
        path: cloudPath.repository(repo, '/pipelines'),
        json: {
          target: {
            type: 'pipeline_ref_target',
            ref_type: input.refType ?? 'branch',
            ref_name: input.ref,
            ...(input.commit === undefined ? {} : { commit: { type: 'commit', hash: input.commit } }),
            ...(input.customPipeline === undefined
              ? {}
              : { selector: { type: 'custom', pattern: input.customPipeline } }),
          },
          ...(input.variables === undefined
            ? {}
            : {
                variables: input.variables.map((variable) => ({
                  key: variable.key,
                  value: variable.value,
                  secured: variable.secured ?? false,
                })),
              }),
        },
      },
      options?.signal,
    );
    return cloudPipelineMappers.pipeline(json);
  }

  async stopPipeline(repo: BbRepositoryRef, input: { uuid: string }, options?: CallOptions): Promise<void> {
    await this.api.json<undefined>(
      {
        method: 'POST',
        route: `POST ${PIPELINES}/{uuid}/stopPipeline`,
        path: this.path(repo, input.uuid, '/stopPipeline'),
      },
      options?.signal,
    );
  }

  async listPipelineSteps(
    repo: BbRepositoryRef,
    input: { uuid: string },
    options?: PageOptions,
  ): Promise<BbPage<BbPipelineStep>> {
    return this.api.page(
      `pipeline steps ${repo.workspace}/${repo.repo} ${input.uuid}`,
      {
        route: `GET ${PIPELINES}/{uuid}/steps`,
        values: cloudAnswers.pipelineStep,
        path: this.path(repo, input.uuid, '/steps'),
      },
      options,
      (json: CloudPipelineStepJson) => cloudPipelineMappers.step(json),
    );
  }

  /** The step's log as raw text. */
  async getPipelineStepLog(
    repo: BbRepositoryRef,
    input: { uuid: string; stepUuid: string },
    options?: CallOptions,
  ): Promise<string> {
    return this.api.text(
      {
        method: 'GET',
        route: `GET ${PIPELINES}/{uuid}/steps/{stepUuid}/log`,
        path: this.path(repo, input.uuid, `/steps/${cloudPath.uuid('step', input.stepUuid)}/log`),
      },
      options?.signal,
    );
  }

  private path(repo: BbRepositoryRef, uuid: string, rest = ''): string {
    return cloudPath.repository(repo, `/pipelines/${cloudPath.uuid('pipeline', uuid)}${rest}`);
  }
}
