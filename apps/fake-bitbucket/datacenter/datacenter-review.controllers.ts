import type { Type } from '@nestjs/common';
import { DatacenterPullRequestCommentsController } from './datacenter-pull-request-comments.controller';
import { DatacenterPullRequestDashboardController } from './datacenter-pull-request-dashboard.controller';
import { DatacenterPullRequestDiffController } from './datacenter-pull-request-diff.controller';
import { DatacenterPullRequestParticipantsController } from './datacenter-pull-request-participants.controller';
import { DatacenterPullRequestReviewController } from './datacenter-pull-request-review.controller';
import { DatacenterPullRequestsController } from './datacenter-pull-requests.controller';

/**
 * Data Center pull requests: participants, comments, blocker comments (tasks), merges, dashboards.
 * The diff controller comes first: its `{pullRequestId}.diff` route must win over `{pullRequestId}`.
 */
export const DATACENTER_REVIEW_CONTROLLERS: Type[] = [
  DatacenterPullRequestDiffController,
  DatacenterPullRequestsController,
  DatacenterPullRequestReviewController,
  DatacenterPullRequestParticipantsController,
  DatacenterPullRequestCommentsController,
  DatacenterPullRequestDashboardController,
];
