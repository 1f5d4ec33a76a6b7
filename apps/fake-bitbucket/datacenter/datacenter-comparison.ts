import type { FakeRepository } from '../dataset/fake-repository';
import { datacenterRevision } from './datacenter-revision';

export interface DatacenterComparison {
  readonly from: string;
  readonly to: string;
  /** Where `from` left `to`: the diff of a comparison runs from here to `from`. */
  readonly base: string | undefined;
}

/** The two sides of a `compare/…` request; either defaults to the default branch. */
export function datacenterComparison(
  repository: FakeRepository,
  from: string | undefined,
  to: string | undefined,
): DatacenterComparison {
  const fromHash = datacenterRevision(repository, from);
  const toHash = datacenterRevision(repository, to);
  return { from: fromHash, to: toHash, base: repository.git.mergeBase(toHash, fromHash) };
}
