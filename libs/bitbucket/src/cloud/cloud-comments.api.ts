import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbComment, BbInlineAnchor } from '../model/bb-comment';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { BbTask } from '../model/bb-task';
import type { CloudApi } from './cloud-api';
import { cloudPath } from './cloud-path';
import type { CloudCommentJson, CloudTaskJson } from './cloud-review-json';
import { cloudReviewMappers } from './cloud-review-mappers';
import { cloudAnswers } from './cloud-answers';

const COMMENTS = '/repositories/{workspace}/{repo}/pullrequests/{id}/comments';
const TASKS = '/repositories/{workspace}/{repo}/pullrequests/{id}/tasks';

/** Cloud pull request comments as threads, and tasks (docs/bitbucket-api.md#cloud-pull-requests). */
export class CloudCommentsApi {
  constructor(private readonly api: CloudApi) {}

  /** Each page's comments assembled into threads (Cloud lists them flat, replies naming `parent.id`). */
  async listComments(repo: BbRepositoryRef, input: { id: number }, options?: PageOptions): Promise<BbPage<BbComment>> {
    const listing = `comments ${repo.workspace}/${repo.repo} ${input.id}`;
    const request = {
      route: `GET ${COMMENTS}`,
      values: cloudAnswers.comment,
      path: cloudPath.pullRequest(repo, input.id, '/comments'),
    };
    const page = await this.api.rawPage<CloudCommentJson>(listing, request, options);
    // Cloud's `size` counts comments, not threads: no total.
    return this.api.toPage(
      listing,
      request,
      { values: page.values, next: page.next },
      cloudReviewMappers.threads(page.values),
    );
  }

  /** A reply names its parent; an inline comment anchors on a new-side line (`to`) or an old-side one (`from`). */
  async addComment(
    repo: BbRepositoryRef,
    input: { id: number; text: string; parentId?: number; inline?: BbInlineAnchor },
    options?: CallOptions,
  ): Promise<BbComment> {
    const { inline } = input;
    const json = await this.api.json<CloudCommentJson>(
      {
        method: 'POST',
        route: `POST ${COMMENTS}`,
        answer: cloudAnswers.comment,
        path: cloudPath.pullRequest(repo, input.id, '/comments'),
        json: {
          content: { raw: input.text },
          ...(input.parentId === undefined ? {} : { parent: { id: input.parentId } }),
          ...(inline === undefined
            ? {}
            : { inline: { path: inline.path, [inline.side === 'new' ? 'to' : 'from']: inline.line } }),
        },
      },
      options?.signal,
    );
    return cloudReviewMappers.comment(json);
  }

  async updateComment(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number; text: string },
    options?: CallOptions,
  ): Promise<BbComment> {
    const json = await this.api.json<CloudCommentJson>(
      {
        method: 'PUT',
        route: `PUT ${COMMENTS}/{commentId}`,
        answer: cloudAnswers.comment,
        path: cloudPath.pullRequest(repo, input.id, `/comments/${input.commentId}`),
        json: { content: { raw: input.text } },
      },
      options?.signal,
    );
    return cloudReviewMappers.comment(json);
  }

  async deleteComment(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number },
    options?: CallOptions,
  ): Promise<void> {
    await this.api.json<undefined>(
      {
        method: 'DELETE',
        route: `DELETE ${COMMENTS}/{commentId}`,
        path: cloudPath.pullRequest(repo, input.id, `/comments/${input.commentId}`),
      },
      options?.signal,
    );
  }

  /** POST `…/resolve` resolves the thread of a top-level comment; DELETE reopens it. */
  async resolveCommentThread(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number; resolved: boolean },
    options?: CallOptions,
  ): Promise<void> {
    const method = input.resolved ? 'POST' : 'DELETE';
    await this.api.json<unknown>(
      {
        method,
        route: `${method} ${COMMENTS}/{commentId}/resolve`,
        path: cloudPath.pullRequest(repo, input.id, `/comments/${input.commentId}/resolve`),
      },
      options?.signal,
    );
  }

  async listTasks(repo: BbRepositoryRef, input: { id: number }, options?: PageOptions): Promise<BbPage<BbTask>> {
    return this.api.page(
      `tasks ${repo.workspace}/${repo.repo} ${input.id}`,
      { route: `GET ${TASKS}`, values: cloudAnswers.task, path: cloudPath.pullRequest(repo, input.id, '/tasks') },
      options,
      (json: CloudTaskJson) => cloudReviewMappers.task(json),
    );
  }

  async createTask(
    repo: BbRepositoryRef,
    input: { id: number; text: string; commentId?: number },
    options?: CallOptions,
  ): Promise<BbTask> {
    const json = await this.api.json<CloudTaskJson>(
      {
        method: 'POST',
        route: `POST ${TASKS}`,
        answer: cloudAnswers.task,
        path: cloudPath.pullRequest(repo, input.id, '/tasks'),
        json: {
          content: { raw: input.text },
          ...(input.commentId === undefined ? {} : { comment: { id: input.commentId } }),
        },
      },
      options?.signal,
    );
    return cloudReviewMappers.task(json);
  }

  /** Cloud's task states are UNRESOLVED and RESOLVED. */
  async updateTask(
    repo: BbRepositoryRef,
    input: { id: number; taskId: number; text?: string; state?: 'OPEN' | 'RESOLVED' },
    options?: CallOptions,
  ): Promise<BbTask> {
    const json = await this.api.json<CloudTaskJson>(
      {
        method: 'PUT',
        route: `PUT ${TASKS}/{taskId}`,
        answer: cloudAnswers.task,
        path: cloudPath.pullRequest(repo, input.id, `/tasks/${input.taskId}`),
        json: {
          ...(input.text === undefined ? {} : { content: { raw: input.text } }),
          ...(input.state === undefined ? {} : { state: input.state === 'OPEN' ? 'UNRESOLVED' : 'RESOLVED' }),
        },
      },
      options?.signal,
    );
    return cloudReviewMappers.task(json);
  }

  async deleteTask(repo: BbRepositoryRef, input: { id: number; taskId: number }, options?: CallOptions): Promise<void> {
    await this.api.json<undefined>(
      {
        method: 'DELETE',
        route: `DELETE ${TASKS}/{taskId}`,
        path: cloudPath.pullRequest(repo, input.id, `/tasks/${input.taskId}`),
      },
      options?.signal,
    );
  }
}
