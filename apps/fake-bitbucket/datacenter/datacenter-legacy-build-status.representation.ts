import type { FakeBuildStatus } from '../dataset/fake-build-status';
import { datacenterBuildState } from './datacenter-build-state';

/** A build status as `/rest/build-status` answers it: `dateAdded` is when it was last set. */
export function datacenterLegacyBuildStatus(status: FakeBuildStatus): Record<string, unknown> {
  return {
    state: datacenterBuildState.of(status.state),
    key: status.key,
    name: status.name,
    url: status.url,
    description: status.description,
    dateAdded: status.updatedAt.getTime(),
  };
}
