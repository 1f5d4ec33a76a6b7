import type { BbActivity } from '../model/bb-activity';
import type { BbComment, BbInlineAnchor } from '../model/bb-comment';
import type { BbPullRequest, BbPullRequestState, BbReviewer } from '../model/bb-pull-request';
import type { BbTask } from '../model/bb-task';
import { cloudMappers } from './cloud-mappers';
import type {
  CloudActivityJson,
  CloudCommentJson,
  CloudInlineJson,
  CloudParticipantJson,
  CloudPullRequestJson,
  CloudTaskJson,
} from './cloud-review-json';

type CommentNode = Omit<BbComment, 'replies'> & { replies: CommentNode[] };

const STATES: readonly BbPullRequestState[] = ['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED'];

function reviewer(json: CloudParticipantJson): BbReviewer {
  const status =
    json.state === 'changes_requested'
      ? 'changes_requested'
      : json.state === 'approved' || json.approved === true
        ? 'approved'
        : 'none';
  return { user: cloudMappers.user(json.user), role: json.role === 'REVIEWER' ? 'reviewer' : 'participant', status };
}

/** Participants carry review states; reviewers who have not acted yet may only be in `reviewers`. */
function reviewers(json: CloudPullRequestJson): BbReviewer[] {
  const participants = (json.participants ?? []).map(reviewer);
  const known = new Set(participants.map((participant) => participant.user.id));
  const waiting = (json.reviewers ?? [])
    .map((account) => cloudMappers.user(account))
    .filter((user) => !known.has(user.id))
    .map((user): BbReviewer => ({ user, role: 'reviewer', status: 'none' }));
  return [...participants, ...waiting];
}

/** Cloud `inline.to` is a line of the new file, `inline.from` one of the old (a removed line). */
function anchor(inline: CloudInlineJson | null | undefined): BbInlineAnchor | undefined {
  if (inline?.path === undefined) return undefined;
  if (typeof inline.to === 'number') return { path: inline.path, line: inline.to, side: 'new' };
  if (typeof inline.from === 'number') return { path: inline.path, line: inline.from, side: 'old' };
  return undefined;
}

function comment(json: CloudCommentJson): CommentNode {
  const inline = anchor(json.inline);
  const parentId = json.parent?.id;
  const createdOn = json.created_on ?? '';
  return {
    id: json.id,
    author: cloudMappers.user(json.user),
    text: json.deleted === true ? '' : (json.content?.raw ?? ''),
    createdOn,
    updatedOn: json.updated_on ?? createdOn,
    ...(parentId === undefined ? {} : { parentId }),
    ...(inline === undefined ? {} : { inline }),
    resolved: json.resolution !== undefined && json.resolution !== null,
    deleted: json.deleted === true,
    replies: [],
  };
}

function activity(entry: CloudActivityJson, opening: boolean): BbActivity | undefined {
  if (entry.comment !== undefined) {
    const { id, user, created_on: date, content } = entry.comment;
    return {
      type: 'commented',
      user: cloudMappers.user(user),
      date: date ?? '',
      detail: content?.raw ?? '',
      commentId: id,
    };
  }
  const review = entry.approval ?? entry.changes_requested;
  if (review !== undefined) {
    const type = entry.approval === undefined ? 'changes_requested' : 'approved';
    return { type, user: cloudMappers.user(review.user), date: review.date ?? '' };
  }
  const { update } = entry;
  if (update === undefined) return undefined;
  const base = { user: cloudMappers.user(update.author), date: update.date ?? '' };
  if (update.state === 'MERGED') return { ...base, type: 'merged' };
  if (update.state === 'DECLINED' || update.state === 'SUPERSEDED') {
    return { ...base, type: 'declined', ...(update.state === 'SUPERSEDED' ? { detail: 'superseded' } : {}) };
  }
  if (opening) return { ...base, type: 'opened', ...(update.title === undefined ? {} : { detail: update.title }) };
  const changed = Object.keys(update.changes ?? {});
  return { ...base, type: 'updated', ...(changed.length === 0 ? {} : { detail: changed.join(', ') }) };
}

/** Cloud pull requests, comments, tasks and activity → the domain model. */
export const cloudReviewMappers = {
  pullRequest(json: CloudPullRequestJson): BbPullRequest {
    const sourceRepository = json.source?.repository?.full_name;
    const createdOn = json.created_on ?? '';
    return {
      id: json.id,
      title: json.title ?? '',
      description: json.description ?? '',
      state: STATES.find((state) => state === json.state) ?? 'OPEN',
      draft: json.draft === true,
      author: cloudMappers.user(json.author),
      sourceBranch: json.source?.branch?.name ?? '',
      ...(json.source?.commit?.hash === undefined ? {} : { sourceCommit: json.source.commit.hash }),
      ...(sourceRepository !== undefined && sourceRepository !== json.destination?.repository?.full_name
        ? { sourceRepository }
        : {}),
      destinationBranch: json.destination?.branch?.name ?? '',
      ...(json.destination?.commit?.hash === undefined ? {} : { destinationCommit: json.destination.commit.hash }),
      reviewers: reviewers(json),
      createdOn,
      updatedOn: json.updated_on ?? createdOn,
      ...(json.closed_on === undefined || json.closed_on === null ? {} : { closedOn: json.closed_on }),
      ...(json.closed_by === undefined || json.closed_by === null
        ? {}
        : { closedBy: cloudMappers.user(json.closed_by) }),
      ...(json.merge_commit?.hash === undefined ? {} : { mergeCommit: json.merge_commit.hash }),
      ...(json.comment_count === undefined ? {} : { commentCount: json.comment_count }),
      ...(json.task_count === undefined ? {} : { openTaskCount: json.task_count }),
      ...(json.links?.html?.href === undefined ? {} : { url: json.links.html.href }),
    };
  },

  comment(json: CloudCommentJson): BbComment {
    return comment(json);
  },

  /**
   * Threads from one page of comments, in the page's order: a reply nests under its parent when the
   * parent is on the page, and stays top-level (with its `parentId`) when Cloud paged the parent away.
   */
  threads(values: readonly CloudCommentJson[]): BbComment[] {
    const nodes = values.map(comment);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const roots: CommentNode[] = [];
    for (const node of nodes) {
      const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
      if (parent === undefined || parent === node) roots.push(node);
      else parent.replies.push(node);
    }
    return roots;
  },

  task(json: CloudTaskJson): BbTask {
    return {
      id: json.id,
      text: json.content?.raw ?? '',
      state: json.state === 'RESOLVED' ? 'RESOLVED' : 'OPEN',
      author: cloudMappers.user(json.creator),
      createdOn: json.created_on ?? '',
      ...(json.comment?.id === undefined ? {} : { commentId: json.comment.id }),
    };
  },

  /**
   * One page of the activity log (newest first). The log's oldest entry, the last of its last page,
   * is the update that opened the pull request; entries of other kinds are left out.
   */
  activities(values: readonly CloudActivityJson[], lastPage: boolean): BbActivity[] {
    return values.flatMap((entry, index) => {
      const mapped = activity(entry, lastPage && index === values.length - 1);
      return mapped === undefined ? [] : [mapped];
    });
  },
};
