import { Injectable } from '@nestjs/common';
import { FakeDataset } from '../dataset/fake-dataset';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakePipeline } from '../dataset/fake-pipeline';
import type { FakeRepository } from '../dataset/fake-repository';
import type { FakeUser } from '../dataset/fake-user';
import { FakeClock } from '../runtime/fake-clock.service';
import { FakeStore } from '../runtime/fake-store.service';
import { pipelineState } from './pipeline-state';

export interface TriggerPipelineInput {
  readonly refType: 'branch' | 'tag';
  readonly refName: string;
  readonly commit?: string;
  readonly selector?: { readonly type: 'default' | 'custom' | 'branches'; readonly pattern?: string };
  readonly variables?: readonly { readonly key: string; readonly value: string; readonly secured?: boolean }[];
}

const STEP_NAMES = ['Lint', 'Test', 'Build'];

/** Cloud pipelines: trigger one that advances with the clock, or stop one. */
@Injectable()
export class PipelineOperations {
  constructor(
    private readonly store: FakeStore,
    private readonly clock: FakeClock,
  ) {}

  trigger(repository: FakeRepository, actor: FakeUser, input: TriggerPipelineInput): FakePipeline {
    const refHash =
      input.refType === 'tag'
        ? repository.git.tags.get(input.refName)?.target
        : repository.git.branches.get(input.refName);
    const commit = input.commit === undefined ? refHash : repository.git.resolve(input.commit);
    if (commit === undefined) {
      throw new FakeDomainError('invalid', `${input.refType} ${input.refName} not found`, 'target.ref_name');
    }
    const repoKey = FakeDataset.repoKey(repository);
    const buildNumber = this.store.data.nextId(`pipeline:${repoKey}`);
    const stepNames = input.selector?.type === 'custom' ? ['Deploy'] : STEP_NAMES;
    const { pipelinePendingMs, pipelineStepMs } = this.store.settings;
    const pipeline: FakePipeline = {
      uuid: `{${crypto.randomUUID()}}`,
      buildNumber,
      repoKey,
      creatorSlug: actor.slug,
      refType: input.refType,
      refName: input.refName,
      commit,
      selector: input.selector ?? { type: 'default' },
      trigger: 'manual',
      variables: (input.variables ?? []).map((v) => ({ key: v.key, value: v.value, secured: v.secured ?? false })),
      createdAt: this.clock.now(),
      pendingMs: pipelinePendingMs,
      steps: stepNames.map((name) => ({
        uuid: `{${crypto.randomUUID()}}`,
        name,
        image: 'node:24',
        script: [`npm run ${name.toLowerCase()}`],
        durationMs: pipelineStepMs,
        result: 'SUCCESSFUL',
        log: [
          `+ npm run ${name.toLowerCase()}`,
          `> ${repository.slug} ${name.toLowerCase()}`,
          ...Array.from({ length: 8 }, (_, i) => `${name}: task ${i + 1} of 8 done`),
          `${name} passed`,
        ],
      })),
    };
    this.store.data.pipelines.push(pipeline);
    return pipeline;
  }

  stop(pipeline: FakePipeline, actor: FakeUser): void {
    if (pipelineState(pipeline, this.clock.now()).status === 'COMPLETED') {
      throw new FakeDomainError('invalid', 'The pipeline has already completed and cannot be stopped.');
    }
    pipeline.stoppedAt = this.clock.now();
    pipeline.stoppedBySlug = actor.slug;
  }
}
