import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakePipeline } from '../dataset/fake-pipeline';
import type { FakeRepository } from '../dataset/fake-repository';
import { PipelineOperations } from '../domain/pipeline.operations';
import { pipelineState, type StepState } from '../domain/pipeline-state';
import { FakeClock } from '../runtime/fake-clock.service';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudList } from '../shared/cloud-list';
import { parseByteRange } from './cloud-byte-range';
import { cloudCodeErrors } from './cloud-code-errors';
import { CloudLinks } from './cloud-links';
import { customPipelinesAt } from './cloud-pipeline-config';
import { cloudPipeline } from './cloud-pipeline.representation';
import { cloudPipelinePath } from './cloud-pipeline-path';
import { cloudPipelineStep } from './cloud-pipeline-step.representation';
import { CloudRouteRepository } from './cloud-route-repository.decorator';
import { sendCloudRaw } from './cloud-raw-response';

const triggerSchema = z.object({
  target: z.object({
    type: z.enum(['pipeline_ref_target']).optional(),
    ref_type: z.enum(['branch', 'tag']),
    ref_name: z.string().min(1),
    commit: z.object({ type: z.string().optional(), hash: z.string().min(1) }).optional(),
    selector: z.object({ type: z.enum(['default', 'custom', 'branches']), pattern: z.string().optional() }).optional(),
  }),
  variables: z
    .array(z.object({ key: z.string().min(1), value: z.string(), secured: z.boolean().optional() }))
    .optional(),
});

/** Braces optional, case-insensitive: how a pipeline or step uuid may arrive in a path. */
const sameUuid = (a: string, b: string): boolean =>
  a.replace(/^\{|\}$/g, '').toLowerCase() === b.replace(/^\{|\}$/g, '').toLowerCase();

/** Pipelines that advance with the clock (docs/bitbucket-api.md#cloud-pipelines): list, trigger, stop, steps and their logs. */
@Controller('2.0/repositories/:workspace/:repoSlug/pipelines')
export class CloudPipelinesController {
  constructor(
    private readonly store: FakeStore,
    private readonly clock: FakeClock,
    private readonly pipelines: PipelineOperations,
  ) {}

  /** Newest first unless `sort` says otherwise. */
  @Get()
  list(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request): Record<string, unknown> {
    const pipelines = this.store.data
      .pipelinesOf(repository)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.buildNumber - a.buildNumber);
    return cloudList(req, pipelines, (pipeline) => this.render(pipeline, repository, req));
  }

  /** Runs where the ref's (or the given) commit has a bitbucket-pipelines.yml defining the selected pipeline. */
  @Post()
  @HttpCode(201)
  trigger(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Record<string, unknown> {
    const { target, variables } = triggerSchema.parse(body);
    const refHead =
      target.ref_type === 'tag'
        ? repository.git.tags.get(target.ref_name)?.target
        : repository.git.branches.get(target.ref_name);
    if (refHead === undefined) {
      throw cloudErrors.badRequest(`${target.ref_type} ${target.ref_name} not found`, 'target.ref_name');
    }
    const hash = target.commit === undefined ? refHead : repository.git.resolve(target.commit.hash);
    if (hash === undefined)
      throw cloudErrors.badRequest(`Commit ${target.commit?.hash ?? ''} not found`, 'target.commit');
    const custom = customPipelinesAt(repository.git.get(hash));
    if (custom === undefined) {
      throw cloudErrors.badRequest(
        'The bitbucket-pipelines.yml file does not exist in the repository at this revision.',
      );
    }
    if (target.selector?.type === 'custom' && !custom.includes(target.selector.pattern ?? '')) {
      throw cloudErrors.badRequest(
        `Custom pipeline "${target.selector.pattern ?? ''}" is not defined in bitbucket-pipelines.yml.`,
        'target.selector.pattern',
      );
    }
    const pipeline = this.pipelines.trigger(repository, caller.user, {
      refType: target.ref_type,
      refName: target.ref_name,
      ...(target.commit === undefined ? {} : { commit: hash }),
      ...(target.selector === undefined ? {} : { selector: target.selector }),
      ...(variables === undefined ? {} : { variables }),
    });
    res.setHeader('Location', CloudLinks.of(req).api(cloudPipelinePath(pipeline)).href);
    return this.render(pipeline, repository, req);
  }

  @Get(':pipelineUuid')
  get(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('pipelineUuid') uuid: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    return this.render(this.pipeline(repository, uuid), repository, req);
  }

  /** 400 once the pipeline has completed. */
  @Post(':pipelineUuid/stopPipeline')
  @HttpCode(204)
  stop(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Param('pipelineUuid') uuid: string,
  ): void {
    this.pipelines.stop(this.pipeline(repository, uuid), caller.user);
  }

  @Get(':pipelineUuid/steps')
  steps(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('pipelineUuid') uuid: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pipeline = this.pipeline(repository, uuid);
    const now = this.clock.now();
    const links = CloudLinks.of(req);
    return cloudList(req, pipelineState(pipeline, now).steps, (state) =>
      cloudPipelineStep(pipeline, state, now, links),
    );
  }

  @Get(':pipelineUuid/steps/:stepUuid')
  step(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('pipelineUuid') uuid: string,
    @Param('stepUuid') stepUuid: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pipeline = this.pipeline(repository, uuid);
    const now = this.clock.now();
    return cloudPipelineStep(pipeline, this.stepState(pipeline, stepUuid, now), now, CloudLinks.of(req));
  }

  /** The lines written so far, as raw bytes; honours a single `Range` (206, or 416 outside the log). */
  @Get(':pipelineUuid/steps/:stepUuid/log')
  log(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('pipelineUuid') uuid: string,
    @Param('stepUuid') stepUuid: string,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    const pipeline = this.pipeline(repository, uuid);
    const state = this.stepState(pipeline, stepUuid, this.clock.now());
    if (state.startedOn === undefined) throw cloudErrors.notFound(`No log for step ${state.step.uuid} yet.`);
    const log = Buffer.from(state.log.map((line) => `${line}\n`).join(''), 'utf8');
    const range = parseByteRange(req.headers.range, log.length);
    const headers = { 'Accept-Ranges': 'bytes' };
    if (range === undefined) {
      sendCloudRaw(res, 'application/octet-stream', log, headers);
    } else if (range === 'unsatisfiable') {
      throw cloudErrors.error(416, 'Requested range not satisfiable', {
        headers: { ...headers, 'Content-Range': `bytes */${log.length}` },
      });
    } else {
      sendCloudRaw(
        res,
        'application/octet-stream',
        log.subarray(range.start, range.end + 1),
        { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${log.length}` },
        206,
      );
    }
  }

  private pipeline(repository: FakeRepository, uuid: string): FakePipeline {
    const pipeline = this.store.data.pipelinesOf(repository).find((candidate) => sameUuid(candidate.uuid, uuid));
    if (pipeline === undefined) throw cloudCodeErrors.pipelineNotFound(uuid);
    return pipeline;
  }

  private stepState(pipeline: FakePipeline, stepUuid: string, now: Date): StepState {
    const state = pipelineState(pipeline, now).steps.find((candidate) => sameUuid(candidate.step.uuid, stepUuid));
    if (state === undefined) throw cloudCodeErrors.stepNotFound(stepUuid);
    return state;
  }

  private render(pipeline: FakePipeline, repository: FakeRepository, req: Request): Record<string, unknown> {
    const state = pipelineState(pipeline, this.clock.now());
    return cloudPipeline(pipeline, state, repository, this.store.data, CloudLinks.of(req));
  }
}
