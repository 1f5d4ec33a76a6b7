import type { Type } from '@nestjs/common';
import { CloudPullRequestCommentsController } from './cloud-pull-request-comments.controller';
import { CloudPullRequestHistoryController } from './cloud-pull-request-history.controller';
import { CloudPullRequestReviewController } from './cloud-pull-request-review.controller';
import { CloudPullRequestTasksController } from './cloud-pull-request-tasks.controller';
import { CloudPullRequestsController } from './cloud-pull-requests.controller';

/** Cloud pull requests and their review loop: participants, comments, tasks, merges. */
export const CLOUD_REVIEW_CONTROLLERS: Type[] = [
  CloudPullRequestsController,
  CloudPullRequestHistoryController,
  CloudPullRequestReviewController,
  CloudPullRequestCommentsController,
  CloudPullRequestTasksController,
];
