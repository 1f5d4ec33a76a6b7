import type { BitbucketFlavor } from './bitbucket-flavor';
import type { BbActivity } from './model/bb-activity';
import type { BbBuildStatus } from './model/bb-build-status';
import type { BbCodeSearchHit } from './model/bb-code-search-hit';
import type { BbComment, BbInlineAnchor } from './model/bb-comment';
import type { BbCommit } from './model/bb-commit';
import type { BbComparison } from './model/bb-comparison';
import type { BbDirectoryEntry } from './model/bb-directory-entry';
import type { BbFileChange } from './model/bb-file-change';
import type { BbFileContent } from './model/bb-file-content';
import type { BbIssue } from './model/bb-issue';
import type { BbIssueComment } from './model/bb-issue-comment';
import type { BbPage } from './model/bb-page';
import type { BbPipeline } from './model/bb-pipeline';
import type { BbPipelineStep } from './model/bb-pipeline-step';
import type { BbProject } from './model/bb-project';
import type { BbPullRequest, BbPullRequestState } from './model/bb-pull-request';
import type { BbRef } from './model/bb-ref';
import type { BbRepository } from './model/bb-repository';
import type { BbRepositoryRef } from './model/bb-repository-ref';
import type { BbTask } from './model/bb-task';
import type { BbUser } from './model/bb-user';
import type { BbWorkspace } from './model/bb-workspace';

/** APIs only one flavor has; tools needing one are not offered on the other flavor. */
export type BitbucketFeature = 'workspaces' | 'pipelines' | 'issues' | 'pull-request-dashboard' | 'superseded-state';

/** Per-call options: a cancellation signal (MCP cancellation aborts the upstream request) and paging. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface PageOptions extends CallOptions {
  /** From a previous page's `cursor`. */
  readonly cursor?: string;
  /** Items per page (each flavor caps it). */
  readonly limit?: number;
}

export type MergeStrategy = 'merge_commit' | 'squash' | 'fast_forward';

/**
 * The gateway: the only door to Bitbucket. One normalized domain model for Cloud and Data Center;
 * pagination is hidden behind cursors; every failure is a BitbucketException.
 */
export abstract class BitbucketClient {
  abstract readonly flavor: BitbucketFlavor;
  abstract supports(feature: BitbucketFeature): boolean;

  // Context
  abstract getCurrentUser(options?: CallOptions): Promise<BbUser>;
  abstract listWorkspaces(options?: PageOptions): Promise<BbPage<BbWorkspace>>;
  /** Cloud: projects of a workspace (required); Data Center: all visible projects (workspace ignored). */
  abstract listProjects(input: { workspace?: string }, options?: PageOptions): Promise<BbPage<BbProject>>;
  abstract getProject(input: { workspace?: string; key: string }, options?: CallOptions): Promise<BbProject>;
  abstract listUsers(input: { workspace?: string; query?: string }, options?: PageOptions): Promise<BbPage<BbUser>>;

  // Repositories
  abstract listRepositories(
    input: { workspace: string; query?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbRepository>>;
  abstract getRepository(repo: BbRepositoryRef, options?: CallOptions): Promise<BbRepository>;

  // Refs
  abstract listBranches(
    repo: BbRepositoryRef,
    input: { filter?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbRef>>;
  abstract createBranch(
    repo: BbRepositoryRef,
    input: { name: string; startPoint: string },
    options?: CallOptions,
  ): Promise<BbRef>;
  abstract deleteBranch(repo: BbRepositoryRef, input: { name: string }, options?: CallOptions): Promise<void>;
  abstract listTags(repo: BbRepositoryRef, input: { filter?: string }, options?: PageOptions): Promise<BbPage<BbRef>>;
  abstract createTag(
    repo: BbRepositoryRef,
    input: { name: string; target: string; message?: string },
    options?: CallOptions,
  ): Promise<BbRef>;

  // Commits and diffs
  abstract listCommits(
    repo: BbRepositoryRef,
    input: { ref?: string; path?: string; author?: string; since?: string; until?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbCommit>>;
  abstract getCommit(repo: BbRepositoryRef, input: { hash: string }, options?: CallOptions): Promise<BbCommit>;
  /** `from` relative to `to`: commits only on `from` (ahead), count only on `to` (behind), files `from` changes since the merge base. */
  abstract compareRefs(
    repo: BbRepositoryRef,
    input: { from: string; to: string },
    options?: CallOptions,
  ): Promise<BbComparison>;
  /** Raw unified diff of a commit against its first parent. */
  abstract getCommitDiff(
    repo: BbRepositoryRef,
    input: { hash: string; paths?: readonly string[]; contextLines?: number },
    options?: CallOptions,
  ): Promise<string>;
  abstract listBuildStatuses(
    repo: BbRepositoryRef,
    input: { commit: string },
    options?: PageOptions,
  ): Promise<BbPage<BbBuildStatus>>;

  // Files
  abstract getFileContent(
    repo: BbRepositoryRef,
    input: { path: string; ref?: string },
    options?: CallOptions,
  ): Promise<BbFileContent>;
  abstract listDirectory(
    repo: BbRepositoryRef,
    input: { path?: string; ref?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbDirectoryEntry>>;
  /** Cloud: within a workspace; Data Center: across projects, `workspace` narrowing to one project. */
  abstract searchCode(
    input: { workspace?: string; query: string },
    options?: PageOptions,
  ): Promise<BbPage<BbCodeSearchHit>>;

  // Pull requests
  abstract listPullRequests(
    repo: BbRepositoryRef,
    input: {
      states?: readonly BbPullRequestState[];
      author?: string;
      reviewer?: string;
      mine?: 'authored' | 'reviewing';
    },
    options?: PageOptions,
  ): Promise<BbPage<BbPullRequest>>;
  abstract getPullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<BbPullRequest>;
  abstract createPullRequest(
    repo: BbRepositoryRef,
    input: {
      title: string;
      description?: string;
      sourceBranch: string;
      destinationBranch?: string;
      reviewers?: readonly string[];
      draft?: boolean;
      closeSourceBranch?: boolean;
    },
    options?: CallOptions,
  ): Promise<BbPullRequest>;
  abstract updatePullRequest(
    repo: BbRepositoryRef,
    input: {
      id: number;
      title?: string;
      description?: string;
      destinationBranch?: string;
      reviewers?: readonly string[];
      draft?: boolean;
    },
    options?: CallOptions,
  ): Promise<BbPullRequest>;
  abstract getPullRequestDiff(
    repo: BbRepositoryRef,
    input: { id: number; paths?: readonly string[]; contextLines?: number },
    options?: CallOptions,
  ): Promise<string>;
  abstract getPullRequestDiffstat(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbFileChange>>;
  abstract listPullRequestCommits(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbCommit>>;
  abstract listPullRequestActivity(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbActivity>>;
  abstract approvePullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void>;
  abstract unapprovePullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void>;
  abstract requestChanges(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void>;
  abstract mergePullRequest(
    repo: BbRepositoryRef,
    input: { id: number; strategy?: MergeStrategy; message?: string; closeSourceBranch?: boolean },
    options?: CallOptions,
  ): Promise<BbPullRequest>;
  abstract declinePullRequest(
    repo: BbRepositoryRef,
    input: { id: number; reason?: string },
    options?: CallOptions,
  ): Promise<BbPullRequest>;

  // Comments and tasks
  /** Threads: top-level comments with replies nested. */
  abstract listComments(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbComment>>;
  abstract addComment(
    repo: BbRepositoryRef,
    input: { id: number; text: string; parentId?: number; inline?: BbInlineAnchor },
    options?: CallOptions,
  ): Promise<BbComment>;
  abstract updateComment(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number; text: string },
    options?: CallOptions,
  ): Promise<BbComment>;
  abstract deleteComment(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number },
    options?: CallOptions,
  ): Promise<void>;
  abstract resolveCommentThread(
    repo: BbRepositoryRef,
    input: { id: number; commentId: number; resolved: boolean },
    options?: CallOptions,
  ): Promise<void>;
  abstract listTasks(repo: BbRepositoryRef, input: { id: number }, options?: PageOptions): Promise<BbPage<BbTask>>;
  abstract createTask(
    repo: BbRepositoryRef,
    input: { id: number; text: string; commentId?: number },
    options?: CallOptions,
  ): Promise<BbTask>;
  abstract updateTask(
    repo: BbRepositoryRef,
    input: { id: number; taskId: number; text?: string; state?: 'OPEN' | 'RESOLVED' },
    options?: CallOptions,
  ): Promise<BbTask>;
  abstract deleteTask(
    repo: BbRepositoryRef,
    input: { id: number; taskId: number },
    options?: CallOptions,
  ): Promise<void>;

  // Pipelines (Cloud)
  abstract listPipelines(
    repo: BbRepositoryRef,
    input: { ref?: string; status?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbPipeline>>;
  abstract getPipeline(repo: BbRepositoryRef, input: { uuid: string }, options?: CallOptions): Promise<BbPipeline>;
  abstract triggerPipeline(
    repo: BbRepositoryRef,
    input: {
      ref: string;
      refType?: 'branch' | 'tag';
      commit?: string;
      customPipeline?: string;
      variables?: readonly { key: string; value: string; secured?: boolean }[];
    },
    options?: CallOptions,
  ): Promise<BbPipeline>;
  abstract stopPipeline(repo: BbRepositoryRef, input: { uuid: string }, options?: CallOptions): Promise<void>;
  abstract listPipelineSteps(
    repo: BbRepositoryRef,
    input: { uuid: string },
    options?: PageOptions,
  ): Promise<BbPage<BbPipelineStep>>;
  abstract getPipelineStepLog(
    repo: BbRepositoryRef,
    input: { uuid: string; stepUuid: string },
    options?: CallOptions,
  ): Promise<string>;

  // Issues (Cloud)
  abstract listIssues(
    repo: BbRepositoryRef,
    input: { state?: string; query?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbIssue>>;
  abstract getIssue(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<BbIssue>;
  abstract createIssue(
    repo: BbRepositoryRef,
    input: { title: string; content?: string; kind?: string; priority?: string; assignee?: string },
    options?: CallOptions,
  ): Promise<BbIssue>;
  abstract addIssueComment(
    repo: BbRepositoryRef,
    input: { id: number; text: string },
    options?: CallOptions,
  ): Promise<BbIssueComment>;
}
