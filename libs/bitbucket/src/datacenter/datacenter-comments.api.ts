import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { BbComment, BbInlineAnchor } from '../model/bb-comment';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { BbTask } from '../model/bb-task';
import type { DatacenterApi } from './datacenter-api';
import type { DatacenterPageJson } from './datacenter-json';
import { datacenterPath } from './datacenter-path';
import type { DatacenterActivityJson, DatacenterCommentJson, DatacenterDiffJson } from './datacenter-review-json';
import { datacenterReviewMappers } from './datacenter-review-mappers';
import { datacenterVersionedWrite } from './datacenter-versioned-write';
import { upstreamPath } from '../upstream/upstream-path';
import { datacenterAnswers } from './datacenter-answers';
import { pageOf } from '../upstream/answer-shape';

const PULL_REQUEST = '/rest/api/latest/projects/{key}/repos/{slug}/pull-requests/{id}';
/** Data Center's largest page: the activity stream is read whole, in as few calls as it allows. */
const ACTIVITY_PAGE = 1000;
/** At most this many activity pages are read for one listing of threads. */
const ACTIVITY_PAGES = 20;

/** Comments live under `comments`; tasks (7.2+) are BLOCKER comments under `blocker-comments`. */
type CommentResource = 'comments' | 'blocker-comments';

/**
 * Data Center pull request comments as threads, and tasks (docs/bitbucket-api.md#data-center-comments-and-tasks). Every write of an existing
 * comment or task names its current version, read first: edits and resolutions are retried once
 * when it is stale (their body carries only the caller's change); deletions are not.
 */
export class DatacenterCommentsApi {
  constructor(private readonly api: DatacenterApi) {}

  /**
   * Data Center lists a pull request's comments only per file (`?path=`); all of them, general ones
   * included, are in its activity stream. A reply's activity can sit pages away from its thread's, so
   * the stream is read whole, assembled into threads (oldest first) and paged here, with a total.
   */
  async listComments(repo: BbRepositoryRef, input: { id: number }, options?: PageOptions): Promise<BbPage<BbComment>> {
    const listing = `comment threads ${repo.workspace}/${repo.repo} ${input.id}`;
    const start = Number(this.api.cursors.decode(options?.cursor, listing) ?? 0);
    const limit = this.api.limit(options);
    const threads = datacenterReviewMappers.threads(await this.activities(repo, input.id, options?.signal));
    const end = start + limit;
    return {
      items: threads.slice(start, end),
      total: threads.length,
      ...(end < threads.length ? { cursor: this.api.cursors.encode(listing, end) } : {}),
    };
  }

  /**
   * A reply names its parent and shares its thread's anchor, so it sends none. A line comment is
   * anchored on the side the caller names, with the line's kind read from the pull request's diff.
   */
  async addComment(
    repo: BbRepositoryRef,
    input: { id: number; text: string; parentId?: number; inline?: BbInlineAnchor },
    options?: CallOptions,
  ): Promise<BbComment> {
    const anchor =
      input.parentId === undefined && input.inline !== undefined
        ? datacenterReviewMappers.commentAnchor(
            input.inline,
            await this.diff(repo, input.id, input.inline.path, options),
          )
        : undefined;
    const json = await this.api.json<DatacenterCommentJson>(
      {
        method: 'POST',
        route: `POST ${PULL_REQUEST}/comments`,
        answer: datacenterAnswers.comment,
        path: this.path(repo, input.id, 'comments'),
        json: {
          text: input.text,
          ...(input.parentId === undefined ? {} : { parent: { id: input.parentId } }),
          ...(anchor === undefined ? {} : { anchor }),
        },
      },
      options?.signal,
    );
    return datacenterReviewMappers.comment(json, input.parentId);
  }

  async updateComment(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number; text: string },
    options?: CallOptions,
  ): Promise<BbComment> {
    const json = await this.update(repo, input.id, 'comments', input.commentId, { text: input.text }, options);
    return datacenterReviewMappers.comment(json);
  }

  async deleteComment(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number },
    options?: CallOptions,
  ): Promise<void> {
    await this.delete(repo, input.id, 'comments', input.commentId, options);
  }

  /** Data Center 8+ resolves a thread through its first comment's `threadResolved`. */
  async resolveCommentThread(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number; resolved: boolean },
    options?: CallOptions,
  ): Promise<void> {
    await this.update(repo, input.id, 'comments', input.commentId, { threadResolved: input.resolved }, options);
  }

  async listTasks(repo: BbRepositoryRef, input: { id: number }, options?: PageOptions): Promise<BbPage<BbTask>> {
    return this.api.page(
      `tasks ${repo.workspace}/${repo.repo} ${input.id}`,
      {
        route: `GET ${PULL_REQUEST}/blocker-comments`,
        values: datacenterAnswers.comment,
        path: this.path(repo, input.id, 'blocker-comments'),
      },
      options,
      (json: DatacenterCommentJson) => datacenterReviewMappers.task(json),
    );
  }

  /** A task on a comment is a blocker reply to it. */
  async createTask(
    repo: BbRepositoryRef,
    input: { id: number; text: string; commentId?: number },
    options?: CallOptions,
  ): Promise<BbTask> {
    const json = await this.api.json<DatacenterCommentJson>(
      {
        method: 'POST',
        route: `POST ${PULL_REQUEST}/blocker-comments`,
        answer: datacenterAnswers.comment,
        path: this.path(repo, input.id, 'blocker-comments'),
        json: { text: input.text, ...(input.commentId === undefined ? {} : { parent: { id: input.commentId } }) },
      },
      options?.signal,
    );
    return datacenterReviewMappers.task(json, input.commentId);
  }

  async updateTask(
    repo: BbRepositoryRef,
    input: { id: number; taskId: number; text?: string; state?: 'OPEN' | 'RESOLVED' },
    options?: CallOptions,
  ): Promise<BbTask> {
    const json = await this.update(
      repo,
      input.id,
      'blocker-comments',
      input.taskId,
      {
        ...(input.text === undefined ? {} : { text: input.text }),
        ...(input.state === undefined ? {} : { state: input.state }),
      },
      options,
    );
    return datacenterReviewMappers.task(json);
  }

  async deleteTask(repo: BbRepositoryRef, input: { id: number; taskId: number }, options?: CallOptions): Promise<void> {
    await this.delete(repo, input.id, 'blocker-comments', input.taskId, options);
  }

  /** The whole activity stream, newest first. */
  private async activities(
    repo: BbRepositoryRef,
    id: number,
    signal: AbortSignal | undefined,
  ): Promise<DatacenterActivityJson[]> {
    const activities: DatacenterActivityJson[] = [];
    let start = 0;
    for (let read = 0; read < ACTIVITY_PAGES; read += 1) {
      const page = await this.api.json<DatacenterPageJson<DatacenterActivityJson>>(
        {
          method: 'GET',
          route: `GET ${PULL_REQUEST}/activities`,
          path: datacenterPath.repository(repo, `/pull-requests/${id}/activities`),
          query: { start, limit: ACTIVITY_PAGE },
          answer: pageOf(datacenterAnswers.activity),
        },
        signal,
      );
      activities.push(...page.values);
      const next = page.isLastPage === true ? undefined : page.nextPageStart;
      if (next === undefined) return activities;
      start = next;
    }
    // Threads assembled from part of the stream would miss or split some: refuse rather than guess.
    throw new BitbucketException(
      BitbucketErrorCode.UNSUPPORTED,
      `Pull request ${id} has more than ${ACTIVITY_PAGE * ACTIVITY_PAGES} activities to assemble threads from`,
      {
        params: { feature: `comment threads of pull requests with over ${ACTIVITY_PAGE * ACTIVITY_PAGES} activities` },
      },
    );
  }

  /** One file's diff in the pull request, for the kind of the line a comment anchors on. */
  private async diff(
    repo: BbRepositoryRef,
    id: number,
    path: string,
    options: CallOptions | undefined,
  ): Promise<DatacenterDiffJson> {
    return this.api.json<DatacenterDiffJson>(
      {
        method: 'GET',
        route: `GET ${PULL_REQUEST}/diff/{path}`,
        path: datacenterPath.repository(repo, `/pull-requests/${id}/diff/${upstreamPath.file('path', path)}`),
        query: { withComments: false },
      },
      options?.signal,
    );
  }

  /** How a write of a comment or task that someone else changed meanwhile is told. */
  private staleSubject(
    repo: BbRepositoryRef,
    id: number,
    resource: CommentResource,
    commentId: number,
  ): Parameters<typeof datacenterVersionedWrite>[0] {
    const task = resource !== 'comments';
    return {
      label: `${task ? 'Task' : 'Comment'} ${commentId}`,
      messageKey: task ? 'BITBUCKET_TASK_OUT_OF_DATE' : 'BITBUCKET_COMMENT_OUT_OF_DATE',
      params: { repository: `${repo.workspace}/${repo.repo}`, id, [task ? 'task' : 'comment']: commentId },
    };
  }

  /** A PUT of `changes` on a comment or task, at its current version. */
  private async update(
    repo: BbRepositoryRef,
    id: number,
    resource: CommentResource,
    commentId: number,
    changes: Record<string, unknown>,
    options: CallOptions | undefined,
  ): Promise<DatacenterCommentJson> {
    return datacenterVersionedWrite(
      this.staleSubject(repo, id, resource, commentId),
      async () => this.read(repo, id, resource, commentId, options),
      async (current) =>
        this.api.json<DatacenterCommentJson>(
          {
            method: 'PUT',
            route: `PUT ${PULL_REQUEST}/${resource}/{commentId}`,
            answer: datacenterAnswers.comment,
            path: this.path(repo, id, resource, commentId),
            json: { ...changes, version: current.version },
          },
          options?.signal,
        ),
      'retry',
    );
  }

  private async delete(
    repo: BbRepositoryRef,
    id: number,
    resource: CommentResource,
    commentId: number,
    options: CallOptions | undefined,
  ): Promise<void> {
    await datacenterVersionedWrite(
      this.staleSubject(repo, id, resource, commentId),
      async () => this.read(repo, id, resource, commentId, options),
      async (current) =>
        this.api.json<undefined>(
          {
            method: 'DELETE',
            route: `DELETE ${PULL_REQUEST}/${resource}/{commentId}`,
            path: this.path(repo, id, resource, commentId),
            query: { version: current.version },
          },
          options?.signal,
        ),
      'fail',
    );
  }

  private async read(
    repo: BbRepositoryRef,
    id: number,
    resource: CommentResource,
    commentId: number,
    options: CallOptions | undefined,
  ): Promise<DatacenterCommentJson> {
    return this.api.json<DatacenterCommentJson>(
      {
        method: 'GET',
        route: `GET ${PULL_REQUEST}/${resource}/{commentId}`,
        answer: datacenterAnswers.comment,
        path: this.path(repo, id, resource, commentId),
      },
      options?.signal,
    );
  }

  private path(repo: BbRepositoryRef, id: number, resource: CommentResource, commentId?: number): string {
    return datacenterPath.repository(
      repo,
      `/pull-requests/${id}/${resource}${commentId === undefined ? '' : `/${commentId}`}`,
    );
  }
}
