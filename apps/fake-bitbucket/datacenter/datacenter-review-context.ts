import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeUser } from '../dataset/fake-user';
import type { PullRequestOperations } from '../domain/pull-request.operations';
import type { DatacenterLinks } from './datacenter-links';

/** What rendering a pull request, comment or activity needs: the data, the caller and where links point. */
export interface DatacenterReviewContext {
  readonly data: FakeDataset;
  readonly links: DatacenterLinks;
  readonly pullRequests: PullRequestOperations;
  /** Permitted operations on comments depend on who asks. */
  readonly caller: FakeUser;
}
