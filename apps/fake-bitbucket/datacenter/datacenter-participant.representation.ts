import type { FakeReviewStatus } from '../dataset/fake-pull-request';
import type { FakeUser } from '../dataset/fake-user';
import type { DatacenterLinks } from './datacenter-links';
import { datacenterReviewStatus } from './datacenter-review-status';
import { datacenterUser } from './datacenter-user.representation';

/** RestPullRequestParticipant. The author never approves their own pull request. */
export function datacenterParticipant(
  user: FakeUser,
  role: 'AUTHOR' | 'REVIEWER' | 'PARTICIPANT',
  status: FakeReviewStatus,
  links: DatacenterLinks,
  lastReviewedCommit?: string,
): Record<string, unknown> {
  return {
    user: datacenterUser(user, links),
    ...(lastReviewedCommit === undefined ? {} : { lastReviewedCommit }),
    role,
    approved: status === 'approved',
    status: datacenterReviewStatus.of(status),
  };
}
