import type { Type } from '@nestjs/common';
import { CreatePullRequestTool } from './create-pull-request/create-pull-request.tool';
import { DeclinePullRequestTool } from './decline-pull-request/decline-pull-request.tool';
import { GetPullRequestTool } from './get-pull-request/get-pull-request.tool';
import { GetPullRequestActivityTool } from './get-pull-request-activity/get-pull-request-activity.tool';
import { GetPullRequestDiffTool } from './get-pull-request-diff/get-pull-request-diff.tool';
import { GetPullRequestDiffstatTool } from './get-pull-request-diffstat/get-pull-request-diffstat.tool';
import { ListPullRequestCommitsTool } from './list-pull-request-commits/list-pull-request-commits.tool';
import { ListPullRequestsTool } from './list-pull-requests/list-pull-requests.tool';
import { MergePullRequestTool } from './merge-pull-request/merge-pull-request.tool';
import { UpdatePullRequestTool } from './update-pull-request/update-pull-request.tool';

/** Tools of the `pull-requests` toolset. */
export const PULL_REQUEST_TOOLS: Type[] = [
  ListPullRequestsTool,
  GetPullRequestTool,
  CreatePullRequestTool,
  UpdatePullRequestTool,
  GetPullRequestDiffTool,
  GetPullRequestDiffstatTool,
  ListPullRequestCommitsTool,
  GetPullRequestActivityTool,
  MergePullRequestTool,
  DeclinePullRequestTool,
];
