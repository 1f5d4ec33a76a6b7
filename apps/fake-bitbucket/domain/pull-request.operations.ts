import { Injectable } from '@nestjs/common';
import { FakeDataset } from '../dataset/fake-dataset';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakeComment, FakeInlineAnchor } from '../dataset/fake-comment';
import type {
  FakeParticipant,
  FakePullRequest,
  FakePullRequestEventType,
  FakeReviewStatus,
} from '../dataset/fake-pull-request';
import type { FakeRepository } from '../dataset/fake-repository';
import type { FakeUser } from '../dataset/fake-user';
import type { FileChange } from '../git/file-change';
import type { GitCommit } from '../git/git-commit';
import { hunksOf } from '../git/unified-diff';
import { FakeClock } from '../runtime/fake-clock.service';
import { FakeStore } from '../runtime/fake-store.service';

export interface CreatePullRequestInput {
  readonly title: string;
  readonly description?: string;
  readonly sourceBranch: string;
  readonly destinationBranch?: string;
  readonly reviewers?: readonly string[];
  readonly draft?: boolean;
  readonly closeSourceBranch?: boolean;
}

export interface UpdatePullRequestInput {
  readonly title?: string;
  readonly description?: string;
  readonly destinationBranch?: string;
  readonly reviewers?: readonly string[];
  readonly draft?: boolean;
  readonly closeSourceBranch?: boolean;
  /** Data Center: reviewers taken off stay participants (Cloud forgets them). */
  readonly removedReviewersStay?: boolean;
}

/** How the merge builds history; each flavor maps its own strategy names onto these. */
export type MergeKind = 'merge-commit' | 'squash' | 'squash-fast-forward' | 'fast-forward' | 'fast-forward-or-merge';

export interface MergeInput {
  readonly kind: MergeKind;
  readonly message?: string;
  readonly closeSourceBranch?: boolean;
}

const PR_EXCEPTION = 'com.atlassian.bitbucket.pull';

/**
 * Pull request writes both flavors share: the review loop, merges that write real commits,
 * comments, threads and tasks. Flavor controllers validate their own payloads, then call these.
 */
@Injectable()
export class PullRequestOperations {
  constructor(
    private readonly store: FakeStore,
    private readonly clock: FakeClock,
  ) {}

  private get data(): FakeDataset {
    return this.store.data;
  }

  sourceRepository(pr: FakePullRequest): FakeRepository {
    return this.data.repositoryByKey(pr.sourceRepoKey);
  }

  destinationRepository(pr: FakePullRequest): FakeRepository {
    return this.data.repositoryByKey(pr.repoKey);
  }

  /** Source head: the branch tip while open, the frozen commit once closed. */
  sourceHead(pr: FakePullRequest): string {
    const live = this.sourceRepository(pr).git.branches.get(pr.sourceBranch);
    return (pr.state === 'OPEN' ? live : pr.closedSourceCommit) ?? pr.closedSourceCommit ?? live ?? '';
  }

  destinationHead(pr: FakePullRequest): string {
    const live = this.destinationRepository(pr).git.branches.get(pr.destinationBranch);
    return (pr.state === 'OPEN' ? live : pr.closedDestinationCommit) ?? pr.closedDestinationCommit ?? live ?? '';
  }

  /**
   * The destination head the pull request was compared with: the live head while open, the head the
   * merge started from once merged (a merge's first parent; recorded for fast-forwards), else the frozen one.
   */
  comparedDestination(pr: FakePullRequest): string {
    if (pr.state !== 'MERGED' || pr.mergeCommit === undefined) return this.destinationHead(pr);
    return pr.destinationBeforeMerge ?? this.destinationRepository(pr).git.get(pr.mergeCommit).parents[0] ?? '';
  }

  /** Commits the pull request brings: on the source, not on the destination (when it was opened or closed). */
  commits(pr: FakePullRequest): GitCommit[] {
    return this.destinationRepository(pr).git.history([this.sourceHead(pr)], [this.comparedDestination(pr)]);
  }

  /** The pull request's diff: source against its merge base with the destination (three-dot). */
  changes(pr: FakePullRequest): FileChange[] {
    const git = this.destinationRepository(pr).git;
    const source = this.sourceHead(pr);
    return git.changesBetween(git.mergeBase(source, this.comparedDestination(pr)), source);
  }

  create(repository: FakeRepository, author: FakeUser, input: CreatePullRequestInput): FakePullRequest {
    const git = repository.git;
    const destinationBranch = input.destinationBranch ?? git.defaultBranch;
    if (!git.branches.has(input.sourceBranch)) {
      throw new FakeDomainError(
        'invalid',
        `Source branch '${input.sourceBranch}' not found.`,
        'source',
        `${PR_EXCEPTION}.InvalidPullRequestRefException`,
      );
    }
    if (!git.branches.has(destinationBranch)) {
      throw new FakeDomainError(
        'invalid',
        `Destination branch '${destinationBranch}' not found.`,
        'destination',
        `${PR_EXCEPTION}.InvalidPullRequestRefException`,
      );
    }
    if (input.sourceBranch === destinationBranch) {
      throw new FakeDomainError(
        'invalid',
        'The source and destination branches must differ.',
        'source',
        `${PR_EXCEPTION}.InvalidPullRequestTargetException`,
      );
    }
    const repoKey = FakeDataset.repoKey(repository);
    const duplicate = this.data.pullRequests.find(
      (pr) =>
        pr.repoKey === repoKey &&
        pr.state === 'OPEN' &&
        pr.sourceBranch === input.sourceBranch &&
        pr.destinationBranch === destinationBranch,
    );
    if (duplicate !== undefined) {
      throw new FakeDomainError(
        'conflict',
        `Only one pull request may be open for a given source and target branch (#${duplicate.id}).`,
        'source',
        `${PR_EXCEPTION}.DuplicatePullRequestException`,
        { existingPullRequestId: duplicate.id },
      );
    }
    const source = git.branches.get(input.sourceBranch) ?? '';
    if (git.history([source], [git.branches.get(destinationBranch) ?? '']).length === 0) {
      throw new FakeDomainError(
        'invalid',
        'There are no changes to be pulled.',
        'source',
        `${PR_EXCEPTION}.EmptyPullRequestException`,
      );
    }
    const now = this.clock.now();
    const existingIds = this.data.pullRequestsOf(repository).map((pr) => pr.id);
    const pr: FakePullRequest = {
      id: Math.max(0, ...existingIds) + 1,
      repoKey,
      title: input.title,
      description: input.description ?? '',
      state: 'OPEN',
      draft: input.draft ?? false,
      authorSlug: author.slug,
      sourceRepoKey: repoKey,
      sourceBranch: input.sourceBranch,
      destinationBranch,
      participants: this.reviewers(input.reviewers ?? [], author),
      createdAt: now,
      updatedAt: now,
      closeSourceBranch: input.closeSourceBranch ?? false,
      reason: '',
      version: 0,
      events: [],
    };
    this.data.pullRequests.push(pr);
    this.event(pr, 'opened', author, now);
    return pr;
  }

  update(pr: FakePullRequest, actor: FakeUser, input: UpdatePullRequestInput): FakePullRequest {
    this.requireOpen(pr);
    const changed: string[] = [];
    if (input.title !== undefined && input.title !== pr.title) {
      pr.title = input.title;
      changed.push('title');
    }
    if (input.description !== undefined && input.description !== pr.description) {
      pr.description = input.description;
      changed.push('description');
    }
    if (input.draft !== undefined && input.draft !== pr.draft) {
      pr.draft = input.draft;
      changed.push('draft');
    }
    if (input.closeSourceBranch !== undefined && input.closeSourceBranch !== pr.closeSourceBranch) {
      pr.closeSourceBranch = input.closeSourceBranch;
      changed.push('close_source_branch');
    }
    if (input.destinationBranch !== undefined && input.destinationBranch !== pr.destinationBranch) {
      if (!this.destinationRepository(pr).git.branches.has(input.destinationBranch)) {
        throw new FakeDomainError(
          'invalid',
          `Destination branch '${input.destinationBranch}' not found.`,
          'destination',
        );
      }
      pr.destinationBranch = input.destinationBranch;
      changed.push('destination');
    }
    if (input.reviewers !== undefined) {
      const author = this.data.user(pr.authorSlug);
      const wanted = this.reviewers(input.reviewers, author);
      const kept = pr.participants.filter(
        (p) =>
          p.role === 'PARTICIPANT' ||
          input.removedReviewersStay === true ||
          wanted.some((w) => w.userSlug === p.userSlug),
      );
      for (const reviewer of wanted) {
        const existing = kept.find((p) => p.userSlug === reviewer.userSlug);
        if (existing === undefined) kept.push(reviewer);
        else existing.role = 'REVIEWER';
      }
      for (const participant of kept) {
        if (participant.role === 'REVIEWER' && !wanted.some((w) => w.userSlug === participant.userSlug))
          participant.role = 'PARTICIPANT';
      }
      pr.participants = kept;
      changed.push('reviewers');
    }
    if (changed.length > 0) {
      const now = this.clock.now();
      pr.updatedAt = now;
      pr.version += 1;
      pr.events.push({ id: this.data.nextId('event'), type: 'updated', userSlug: actor.slug, at: now, changed });
    }
    return pr;
  }

  /** Approve, request changes, or withdraw either; the author cannot review their own pull request. */
  setReviewStatus(pr: FakePullRequest, user: FakeUser, status: FakeReviewStatus): FakeParticipant {
    if (pr.state !== 'OPEN') {
      throw new FakeDomainError(
        'invalid',
        'You can only review an open pull request.',
        undefined,
        `${PR_EXCEPTION}.IllegalPullRequestStateException`,
      );
    }
    if (pr.authorSlug === user.slug) {
      throw new FakeDomainError(
        'invalid',
        'You cannot review your own pull request.',
        undefined,
        `${PR_EXCEPTION}.InvalidPullRequestParticipantException`,
      );
    }
    const now = this.clock.now();
    let participant = pr.participants.find((p) => p.userSlug === user.slug);
    if (participant === undefined) {
      participant = { userSlug: user.slug, role: 'PARTICIPANT', status: null, participatedOn: now };
      pr.participants.push(participant);
    }
    const previous = participant.status;
    participant.status = status;
    participant.participatedOn = now;
    participant.lastReviewedCommit = this.sourceHead(pr);
    const type: FakePullRequestEventType | undefined =
      status === 'approved'
        ? 'approved'
        : status === 'changes_requested'
          ? 'changes_requested'
          : previous === 'approved'
            ? 'unapproved'
            : previous === 'changes_requested'
              ? 'changes_request_removed'
              : undefined;
    if (type !== undefined) this.event(pr, type, user, now);
    pr.updatedAt = now;
    return participant;
  }

  merge(pr: FakePullRequest, actor: FakeUser, input: MergeInput): FakePullRequest {
    this.requireOpen(pr);
    const repository = this.destinationRepository(pr);
    const git = repository.git;
    const source = this.sourceHead(pr);
    const destination = this.destinationHead(pr);
    const base = git.mergeBase(source, destination);
    const sourceChanges = git.changesBetween(base, source);
    // Added files have no old path and removed ones no new path: `undefined` must not match itself.
    const destinationPaths = new Set<string | undefined>(
      git.changesBetween(base, destination).flatMap((c) => [c.oldPath, c.newPath].filter((p) => p !== undefined)),
    );
    const conflicts = sourceChanges.filter((c) => destinationPaths.has(c.oldPath) || destinationPaths.has(c.newPath));
    const canFastForward = base === destination;
    if ((input.kind === 'fast-forward' || input.kind === 'squash-fast-forward') && !canFastForward) {
      throw new FakeDomainError(
        'conflict',
        'The pull request cannot be fast-forwarded: the destination has moved on.',
        undefined,
        `${PR_EXCEPTION}.PullRequestMergeVetoedException`,
      );
    }
    if (conflicts.length > 0 && !canFastForward) {
      throw new FakeDomainError(
        'conflict',
        `Merge conflicts in ${conflicts.map((c) => c.newPath ?? c.oldPath).join(', ')}.`,
        undefined,
        'com.atlassian.bitbucket.scm.MergeException',
        { conflicted: true },
      );
    }
    const now = this.clock.now();
    const message = input.message ?? `Merged in ${pr.sourceBranch} (pull request #${pr.id})\n\n${pr.title}`;
    let mergeCommit: string;
    if (canFastForward && (input.kind === 'fast-forward' || input.kind === 'fast-forward-or-merge')) {
      git.branches.set(pr.destinationBranch, source);
      mergeCommit = source;
    } else {
      const write: Record<string, string | Buffer | null> = {};
      for (const change of sourceChanges) {
        if (change.status === 'removed' || change.status === 'renamed')
          if (change.oldPath !== undefined) write[change.oldPath] = null;
        if (change.newPath !== undefined && change.after !== undefined) {
          write[change.newPath] = change.after.binary ? change.after.content : change.after.text;
        }
      }
      mergeCommit = git.commit({
        branch: pr.destinationBranch,
        author: { name: actor.displayName, email: actor.email, userSlug: actor.slug },
        date: now,
        message,
        write,
        ...(input.kind === 'squash' || input.kind === 'squash-fast-forward' ? {} : { mergeParents: [source] }),
      }).hash;
    }
    pr.closedSourceCommit = source;
    pr.destinationBeforeMerge = destination;
    pr.closedDestinationCommit = git.branches.get(pr.destinationBranch) ?? mergeCommit;
    pr.mergeCommit = mergeCommit;
    this.close(pr, 'MERGED', actor, now);
    this.event(pr, 'merged', actor, now);
    if (input.closeSourceBranch ?? pr.closeSourceBranch) {
      if (pr.sourceBranch !== git.defaultBranch) this.sourceRepository(pr).git.branches.delete(pr.sourceBranch);
    }
    repository.updatedAt = now;
    return pr;
  }

  decline(pr: FakePullRequest, actor: FakeUser, reason = ''): FakePullRequest {
    this.requireOpen(pr);
    const now = this.clock.now();
    pr.closedSourceCommit = this.sourceHead(pr);
    pr.closedDestinationCommit = this.destinationHead(pr);
    pr.reason = reason;
    this.close(pr, 'DECLINED', actor, now);
    this.event(pr, 'declined', actor, now);
    return pr;
  }

  reopen(pr: FakePullRequest, actor: FakeUser): FakePullRequest {
    if (pr.state !== 'DECLINED') {
      throw new FakeDomainError(
        'invalid',
        'Only a declined pull request can be reopened.',
        undefined,
        `${PR_EXCEPTION}.IllegalPullRequestStateException`,
      );
    }
    const now = this.clock.now();
    pr.state = 'OPEN';
    delete pr.closedAt;
    delete pr.closedBySlug;
    delete pr.closedSourceCommit;
    delete pr.closedDestinationCommit;
    pr.updatedAt = now;
    pr.version += 1;
    this.event(pr, 'reopened', actor, now);
    return pr;
  }

  /** Fails with Data Center's 409 when the caller's version is stale. */
  checkVersion(pr: FakePullRequest, version: number | undefined): void {
    if (version !== undefined && version !== pr.version) {
      throw new FakeDomainError(
        'conflict',
        'You are attempting to modify a pull request based on out-of-date information.',
        undefined,
        `${PR_EXCEPTION}.PullRequestOutOfDateException`,
        { currentVersion: pr.version, expectedVersion: version },
      );
    }
  }

  addComment(
    pr: FakePullRequest,
    author: FakeUser,
    input: {
      text: string;
      parentId?: number;
      inline?: FakeInlineAnchor;
      kind?: 'comment' | 'task';
      anchorCommentId?: number;
    },
  ): FakeComment {
    if (input.text.trim() === '')
      throw new FakeDomainError('invalid', 'The comment text must not be empty.', 'content');
    const parent = input.parentId === undefined ? undefined : this.comment(pr, input.parentId);
    if (
      input.inline !== undefined &&
      !this.changes(pr).some((c) => c.newPath === input.inline?.path || c.oldPath === input.inline?.path)
    ) {
      throw new FakeDomainError(
        'invalid',
        `The path ${input.inline.path} is not part of this pull request's diff.`,
        'inline.path',
      );
    }
    const now = this.clock.now();
    const kind = input.kind ?? 'comment';
    const inline = input.inline ?? parent?.inline;
    const comment: FakeComment = {
      id: this.data.nextId('comment', 1001),
      repoKey: pr.repoKey,
      pullRequestId: pr.id,
      kind,
      authorSlug: author.slug,
      text: input.text,
      createdAt: now,
      updatedAt: now,
      ...(parent === undefined ? {} : { parentId: parent.id }),
      ...(inline === undefined ? {} : { inline }),
      deleted: false,
      version: 0,
      ...(kind === 'task' ? { taskState: 'OPEN' as const } : {}),
      ...(input.anchorCommentId === undefined ? {} : { anchorCommentId: input.anchorCommentId }),
    };
    this.data.comments.push(comment);
    if (!pr.participants.some((p) => p.userSlug === author.slug) && pr.authorSlug !== author.slug) {
      pr.participants.push({ userSlug: author.slug, role: 'PARTICIPANT', status: null, participatedOn: now });
    }
    pr.updatedAt = now;
    this.event(pr, 'commented', author, now, comment.id);
    return comment;
  }

  /**
   * Why a line anchor cannot be placed, or undefined when it can: the line must exist on its side of
   * the file (`from` old, `to` new) and lie in a hunk of the diff shown with `context` lines around
   * each change, as the flavors' diff views only offer those lines to comment on.
   */
  anchorRefusal(pr: FakePullRequest, inline: FakeInlineAnchor, context: number): string | undefined {
    const change = this.changes(pr).find((c) => c.newPath === inline.path || c.oldPath === inline.path);
    const line = inline.from ?? inline.to;
    if (change === undefined || line === undefined) return undefined;
    const oldSide = inline.from !== undefined;
    const side = oldSide ? change.before : change.after;
    const text = side === undefined || side.binary ? '' : side.text;
    const lineCount = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (line > lineCount) {
      return `Line ${line} is outside ${inline.path}: the file has ${lineCount} lines on the ${oldSide ? 'old' : 'new'} side.`;
    }
    const inHunk = hunksOf(change, context).some((hunk) =>
      oldSide
        ? line >= hunk.oldStart && line < hunk.oldStart + hunk.oldLines
        : line >= hunk.newStart && line < hunk.newStart + hunk.newLines,
    );
    return inHunk ? undefined : `Line ${line} of ${inline.path} is not part of this pull request's diff.`;
  }

  /** A live (not deleted) comment or task of this pull request, or a not-found failure. */
  comment(pr: FakePullRequest, id: number, kind?: FakeComment['kind']): FakeComment {
    const comment = this.data
      .commentsOf(pr)
      .find((c) => c.id === id && !c.deleted && (kind === undefined || c.kind === kind));
    if (comment === undefined) {
      throw new FakeDomainError(
        'not-found',
        `Comment ${id} does not exist.`,
        'id',
        'com.atlassian.bitbucket.comment.NoSuchCommentException',
      );
    }
    return comment;
  }

  editComment(comment: FakeComment, editor: FakeUser, text: string, version?: number): FakeComment {
    if (comment.authorSlug !== editor.slug)
      throw new FakeDomainError('forbidden', 'You can only edit your own comments.');
    if (version !== undefined && version !== comment.version) {
      throw new FakeDomainError(
        'conflict',
        'You are attempting to modify a comment based on out-of-date information.',
        undefined,
        'com.atlassian.bitbucket.comment.CommentOutOfDateException',
        {
          currentVersion: comment.version,
          expectedVersion: version,
        },
      );
    }
    if (text.trim() === '') throw new FakeDomainError('invalid', 'The comment text must not be empty.', 'content');
    comment.text = text;
    comment.version += 1;
    comment.updatedAt = this.clock.now();
    return comment;
  }

  deleteComment(pr: FakePullRequest, comment: FakeComment, actor: FakeUser): void {
    if (comment.authorSlug !== actor.slug && pr.authorSlug !== actor.slug) {
      throw new FakeDomainError('forbidden', 'You can only delete your own comments.');
    }
    comment.deleted = true;
    comment.updatedAt = this.clock.now();
  }

  hasReplies(comment: FakeComment): boolean {
    return this.data.comments.some((c) => c.parentId === comment.id && !c.deleted);
  }

  /** Resolves (or reopens) the thread a top-level comment starts. */
  setThreadResolved(comment: FakeComment, actor: FakeUser, resolved: boolean): FakeComment {
    if (comment.parentId !== undefined)
      throw new FakeDomainError('invalid', 'Only the first comment of a thread can resolve it.');
    if (resolved && comment.resolution !== undefined)
      throw new FakeDomainError('conflict', 'The thread is already resolved.');
    if (!resolved && comment.resolution === undefined)
      throw new FakeDomainError('conflict', 'The thread is not resolved.');
    if (resolved) comment.resolution = { bySlug: actor.slug, at: this.clock.now() };
    else delete comment.resolution;
    comment.version += 1;
    return comment;
  }

  setTaskState(task: FakeComment, actor: FakeUser, state: 'OPEN' | 'RESOLVED'): FakeComment {
    if (task.kind !== 'task') throw new FakeDomainError('invalid', 'Only tasks have a state.');
    if (task.taskState !== state) {
      task.taskState = state;
      if (state === 'RESOLVED') {
        task.taskResolvedBySlug = actor.slug;
        task.taskResolvedAt = this.clock.now();
      } else {
        delete task.taskResolvedBySlug;
        delete task.taskResolvedAt;
      }
      task.version += 1;
      task.updatedAt = this.clock.now();
    }
    return task;
  }

  /** What a merge would meet now: the paths both sides changed since their merge base, and whether it can fast-forward. */
  mergePreview(pr: FakePullRequest): { conflicts: string[]; canFastForward: boolean } {
    const git = this.destinationRepository(pr).git;
    const source = this.sourceHead(pr);
    const destination = this.destinationHead(pr);
    const base = git.mergeBase(source, destination);
    // Added files have no old path and removed ones no new path: `undefined` must not match itself.
    const destinationPaths = new Set<string | undefined>(
      git.changesBetween(base, destination).flatMap((c) => [c.oldPath, c.newPath].filter((p) => p !== undefined)),
    );
    const conflicts = git
      .changesBetween(base, source)
      .filter((c) => destinationPaths.has(c.oldPath) || destinationPaths.has(c.newPath))
      .map((c) => c.newPath ?? c.oldPath ?? '');
    return { conflicts, canFastForward: base === destination };
  }

  /** Removes a pull request with its comments and tasks (Data Center can delete; merged ones stay). */
  delete(pr: FakePullRequest): void {
    if (pr.state === 'MERGED') {
      throw new FakeDomainError(
        'conflict',
        'This pull request has already been merged and cannot be deleted.',
        undefined,
        `${PR_EXCEPTION}.IllegalPullRequestStateException`,
      );
    }
    const index = this.data.pullRequests.indexOf(pr);
    if (index >= 0) this.data.pullRequests.splice(index, 1);
    for (const comment of this.data.commentsOf(pr)) this.data.comments.splice(this.data.comments.indexOf(comment), 1);
  }

  /** Turns a comment into a task or a task back into a comment (Data Center severity BLOCKER / NORMAL). */
  setCommentKind(comment: FakeComment, kind: FakeComment['kind']): FakeComment {
    if (comment.kind === kind) return comment;
    const { taskState: _state, taskResolvedBySlug: _by, taskResolvedAt: _at, ...rest } = comment;
    const converted: FakeComment = {
      ...rest,
      kind,
      version: comment.version + 1,
      updatedAt: this.clock.now(),
      ...(kind === 'task' ? { taskState: 'OPEN' as const } : {}),
    };
    this.data.comments.splice(this.data.comments.indexOf(comment), 1, converted);
    return converted;
  }

  private reviewers(slugs: readonly string[], author: FakeUser): FakeParticipant[] {
    return [...new Set(slugs)].map((slug) => {
      const user = this.data.findUser(slug);
      if (user === undefined) {
        throw new FakeDomainError(
          'invalid',
          `Reviewer ${slug} is not a valid user.`,
          'reviewers',
          `${PR_EXCEPTION}.InvalidPullRequestReviewersException`,
        );
      }
      if (user.slug === author.slug) {
        throw new FakeDomainError(
          'invalid',
          'The author cannot be a reviewer of their own pull request.',
          'reviewers',
          `${PR_EXCEPTION}.InvalidPullRequestReviewersException`,
        );
      }
      return { userSlug: user.slug, role: 'REVIEWER' as const, status: null, participatedOn: null };
    });
  }

  private requireOpen(pr: FakePullRequest): void {
    if (pr.state !== 'OPEN') {
      throw new FakeDomainError(
        'conflict',
        `The pull request is ${pr.state.toLowerCase()}, not open.`,
        undefined,
        `${PR_EXCEPTION}.IllegalPullRequestStateException`,
      );
    }
  }

  private close(pr: FakePullRequest, state: 'MERGED' | 'DECLINED', actor: FakeUser, now: Date): void {
    pr.state = state;
    pr.closedAt = now;
    pr.closedBySlug = actor.slug;
    pr.updatedAt = now;
    pr.version += 1;
  }

  private event(
    pr: FakePullRequest,
    type: FakePullRequestEventType,
    user: FakeUser,
    at: Date,
    commentId?: number,
  ): void {
    pr.events.push({
      id: this.data.nextId('event'),
      type,
      userSlug: user.slug,
      at,
      ...(commentId === undefined ? {} : { commentId }),
    });
  }
}
