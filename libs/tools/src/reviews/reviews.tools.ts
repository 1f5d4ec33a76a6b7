import type { Type } from '@nestjs/common';
import { AddPullRequestCommentTool } from './add-pull-request-comment/add-pull-request-comment.tool';
import { ApprovePullRequestTool } from './approve-pull-request/approve-pull-request.tool';
import { CreateTaskTool } from './create-task/create-task.tool';
import { DeleteCommentTool } from './delete-comment/delete-comment.tool';
import { DeleteTaskTool } from './delete-task/delete-task.tool';
import { ListPullRequestCommentsTool } from './list-pull-request-comments/list-pull-request-comments.tool';
import { ListTasksTool } from './list-tasks/list-tasks.tool';
import { RequestChangesTool } from './request-changes/request-changes.tool';
import { ResolveCommentThreadTool } from './resolve-comment-thread/resolve-comment-thread.tool';
import { ReviewPullRequestPrompt } from './review-pull-request/review-pull-request.prompt';
import { UnapprovePullRequestTool } from './unapprove-pull-request/unapprove-pull-request.tool';
import { UpdateCommentTool } from './update-comment/update-comment.tool';
import { UpdateTaskTool } from './update-task/update-task.tool';

/** Tools of the `reviews` toolset, and the review_pull_request prompt that walks through them. */
export const REVIEW_TOOLS: Type[] = [
  ApprovePullRequestTool,
  UnapprovePullRequestTool,
  RequestChangesTool,
  ListPullRequestCommentsTool,
  AddPullRequestCommentTool,
  UpdateCommentTool,
  DeleteCommentTool,
  ResolveCommentThreadTool,
  ListTasksTool,
  CreateTaskTool,
  UpdateTaskTool,
  DeleteTaskTool,
  ReviewPullRequestPrompt,
];
