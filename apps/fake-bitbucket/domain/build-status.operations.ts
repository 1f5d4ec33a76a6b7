import { Injectable } from '@nestjs/common';
import { FakeDataset } from '../dataset/fake-dataset';
import type { FakeBuildState, FakeBuildStatus } from '../dataset/fake-build-status';
import type { FakeRepository } from '../dataset/fake-repository';
import { FakeClock } from '../runtime/fake-clock.service';
import { FakeStore } from '../runtime/fake-store.service';

export interface BuildStatusInput {
  readonly key: string;
  readonly state: FakeBuildState;
  readonly name?: string;
  readonly url: string;
  readonly description?: string;
}

/** Build statuses on commits: one per key, updated in place (both flavors behave so). */
@Injectable()
export class BuildStatusOperations {
  constructor(
    private readonly store: FakeStore,
    private readonly clock: FakeClock,
  ) {}

  upsert(repository: FakeRepository, commit: string, input: BuildStatusInput): FakeBuildStatus {
    const now = this.clock.now();
    const existing = this.store.data.buildStatusesOf(repository, commit).find((s) => s.key === input.key);
    if (existing !== undefined) {
      existing.state = input.state;
      existing.url = input.url;
      if (input.name !== undefined) existing.name = input.name;
      if (input.description !== undefined) existing.description = input.description;
      existing.updatedAt = now;
      return existing;
    }
    const status: FakeBuildStatus = {
      repoKey: FakeDataset.repoKey(repository),
      commit,
      key: input.key,
      name: input.name ?? input.key,
      state: input.state,
      url: input.url,
      description: input.description ?? '',
      createdAt: now,
      updatedAt: now,
    };
    this.store.data.buildStatuses.push(status);
    return status;
  }
}
