import { z } from 'zod';
import type { FakeComment, FakeInlineAnchor } from '../dataset/fake-comment';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import type { FakeUser } from '../dataset/fake-user';
import type { PullRequestOperations } from '../domain/pull-request.operations';
import type { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { DiffLineMap } from './datacenter-diff-line-map';
import { DATACENTER_DIFF_CONTEXT } from './datacenter-diff-context';
import { isDatacenterRepositoryAdmin } from './datacenter-repository-admin';
import { datacenterReviewErrors } from './datacenter-review-errors';

const anchorSchema = z.object({
  path: z.string().min(1, 'A path is required for a file or line comment.'),
  srcPath: z.string().optional(),
  line: z.number().int().min(1).optional(),
  lineType: z.enum(['ADDED', 'REMOVED', 'CONTEXT']).optional(),
  fileType: z.enum(['FROM', 'TO']).optional(),
  diffType: z.enum(['EFFECTIVE', 'RANGE', 'COMMIT']).optional(),
  fromHash: z.string().optional(),
  toHash: z.string().optional(),
});
const createSchema = z.object({
  text: z.string({ error: 'The comment text is required.' }).trim().min(1, 'The comment text is required.'),
  parent: z.object({ id: z.number().int() }).optional(),
  anchor: anchorSchema.optional(),
  severity: z.enum(['NORMAL', 'BLOCKER']).optional(),
  state: z.enum(['OPEN', 'RESOLVED', 'PENDING']).optional(),
});
const updateSchema = z.object({
  version: z.number({ error: 'The comment version is required.' }).int().min(0),
  text: z.string().optional(),
  severity: z.enum(['NORMAL', 'BLOCKER']).optional(),
  state: z.enum(['OPEN', 'RESOLVED']).optional(),
  threadResolved: z.boolean().optional(),
});

type AnchorInput = z.infer<typeof anchorSchema>;

/**
 * Writes of Data Center comments and blocker comments (tasks), checked the Data Center way (versions,
 * who may edit, replies blocking deletes) before the shared operations apply them.
 */
export class DatacenterCommentWriter {
  constructor(
    private readonly store: FakeStore,
    private readonly operations: PullRequestOperations,
  ) {}

  /** A live comment (or, with `kind`, task) of the pull request, else Data Center's 404 (no `context`). */
  find(pr: FakePullRequest, id: number, kind?: FakeComment['kind']): FakeComment {
    try {
      return this.operations.comment(pr, id, kind);
    } catch (error) {
      if (!(error instanceof FakeDomainError)) throw error;
      throw datacenterErrors.notFound(error.message, error.exceptionName ?? null);
    }
  }

  /** Blocker-comment routes always create tasks; the comments route does when `severity` is BLOCKER. */
  create(pr: FakePullRequest, author: FakeUser, body: unknown, kind?: FakeComment['kind']): FakeComment {
    const input = createSchema.parse(body ?? {});
    if (input.parent !== undefined) this.find(pr, input.parent.id);
    const inline = input.anchor === undefined ? undefined : this.inlineAnchor(pr, input.anchor);
    return this.operations.addComment(pr, author, {
      text: input.text,
      kind: kind ?? (input.severity === 'BLOCKER' ? 'task' : 'comment'),
      ...(input.parent === undefined ? {} : { parentId: input.parent.id }),
      ...(inline === undefined ? {} : { inline }),
    });
  }

  /** Text (author only), severity, task state and thread resolution, against the comment's version. */
  update(pr: FakePullRequest, comment: FakeComment, editor: FakeUser, body: unknown): FakeComment {
    const input = updateSchema.parse(body ?? {});
    this.checkVersion(comment, input.version);
    const own = comment.authorSlug === editor.slug;
    if (input.text !== undefined && input.text !== comment.text) {
      if (!own) throw datacenterReviewErrors.notPermitted('Only the author of a comment may change its text.');
      this.operations.editComment(comment, editor, input.text);
    }
    const transitions = input.severity !== undefined || input.state !== undefined || input.threadResolved !== undefined;
    const repository = this.operations.destinationRepository(pr);
    if (
      transitions &&
      !own &&
      pr.authorSlug !== editor.slug &&
      !isDatacenterRepositoryAdmin(this.store.data, repository, editor.slug)
    ) {
      throw datacenterReviewErrors.notPermitted(
        'Only the author of the comment, the author of the pull request or an administrator may change it.',
      );
    }
    let updated = comment;
    if (input.severity !== undefined) {
      updated = this.operations.setCommentKind(updated, input.severity === 'BLOCKER' ? 'task' : 'comment');
    }
    if (input.state !== undefined && (updated.kind === 'task' || input.state === 'RESOLVED')) {
      this.operations.setTaskState(updated, editor, input.state);
    }
    if (input.threadResolved !== undefined && input.threadResolved !== (updated.resolution !== undefined)) {
      this.operations.setThreadResolved(updated, editor, input.threadResolved);
    }
    return updated;
  }

  /** Its author or an administrator may delete a comment, once nobody has replied to it. */
  delete(pr: FakePullRequest, comment: FakeComment, actor: FakeUser, version: number | undefined): void {
    if (version !== undefined) this.checkVersion(comment, version);
    const repository = this.operations.destinationRepository(pr);
    if (comment.authorSlug !== actor.slug && !isDatacenterRepositoryAdmin(this.store.data, repository, actor.slug)) {
      throw datacenterReviewErrors.notPermitted('You are not permitted to delete a comment written by someone else.');
    }
    const replied = this.store.data
      .commentsOf(pr)
      .some((c) => !c.deleted && (c.parentId === comment.id || c.anchorCommentId === comment.id));
    if (replied) {
      throw datacenterErrors.error(
        409,
        'This comment has replies which must be deleted first.',
        'com.atlassian.bitbucket.comment.CommentDeletionException',
      );
    }
    this.operations.deleteComment(pr, comment, actor);
  }

  private checkVersion(comment: FakeComment, version: number): void {
    if (version !== comment.version) {
      throw datacenterErrors.error(
        409,
        'You are attempting to modify a comment based on out-of-date information.',
        'com.atlassian.bitbucket.comment.CommentOutOfDateException',
        { extra: { currentVersion: comment.version, expectedVersion: version } },
      );
    }
  }

  /**
   * Data Center anchors a line on one side (`fileType`) with its kind (`lineType`); the shared
   * dataset keeps Cloud's `from` (old side) / `to` (new side), both for an unchanged line.
   */
  private inlineAnchor(pr: FakePullRequest, anchor: AnchorInput): FakeInlineAnchor {
    // An added file has no old path: an anchor without `srcPath` must not match it on that.
    const { srcPath } = anchor;
    const change = this.operations
      .changes(pr)
      .find(
        (c) =>
          c.newPath === anchor.path || c.oldPath === anchor.path || (srcPath !== undefined && c.oldPath === srcPath),
      );
    if (change === undefined) {
      throw datacenterErrors.badRequest(`${anchor.path} is not part of this pull request's diff.`, 'anchor.path');
    }
    const path = change.newPath ?? change.oldPath ?? anchor.path;
    if (anchor.line === undefined) return { path };
    const side = anchor.fileType ?? (anchor.lineType === 'REMOVED' ? 'FROM' : 'TO');
    const refusal = this.operations.anchorRefusal(
      pr,
      { path, ...(side === 'FROM' ? { from: anchor.line } : { to: anchor.line }) },
      DATACENTER_DIFF_CONTEXT,
    );
    if (refusal !== undefined) throw datacenterErrors.badRequest(refusal, 'anchor.line');
    const lines = new DiffLineMap(change);
    if (side === 'FROM') {
      const to = lines.lineType('FROM', anchor.line) === 'CONTEXT' ? lines.otherSide('FROM', anchor.line) : undefined;
      return { path, from: anchor.line, ...(to === undefined ? {} : { to }) };
    }
    const from = lines.lineType('TO', anchor.line) === 'CONTEXT' ? lines.otherSide('TO', anchor.line) : undefined;
    return { path, to: anchor.line, ...(from === undefined ? {} : { from }) };
  }
}
