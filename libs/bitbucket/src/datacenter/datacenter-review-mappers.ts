import type { BbActivity } from '../model/bb-activity';
import type { BbComment, BbInlineAnchor } from '../model/bb-comment';
import type { BbPullRequest, BbPullRequestState, BbReviewer, BbReviewStatus } from '../model/bb-pull-request';
import type { BbTask } from '../model/bb-task';
import { isoDate } from './datacenter-iso-date';
import { datacenterMappers } from './datacenter-mappers';
import type {
  DatacenterActivityJson,
  DatacenterCommentAnchorJson,
  DatacenterCommentJson,
  DatacenterDiffJson,
  DatacenterParticipantJson,
  DatacenterPullRequestJson,
  DatacenterPullRequestRefJson,
} from './datacenter-review-json';

const STATES: readonly BbPullRequestState[] = ['OPEN', 'MERGED', 'DECLINED'];

/** Data Center's activity actions; REVIEWED is "requested changes" (NEEDS_WORK). */
const ACTIVITY_TYPES: Readonly<Record<string, BbActivity['type']>> = {
  OPENED: 'opened',
  UPDATED: 'updated',
  APPROVED: 'approved',
  UNAPPROVED: 'unapproved',
  REVIEWED: 'changes_requested',
  COMMENTED: 'commented',
  MERGED: 'merged',
  DECLINED: 'declined',
  REOPENED: 'reopened',
  RESCOPED: 'rescoped',
};

const REVIEW_STATUSES: Readonly<Record<string, BbReviewStatus>> = {
  APPROVED: 'approved',
  NEEDS_WORK: 'changes_requested',
};

function reviewer(json: DatacenterParticipantJson, role: BbReviewer['role']): BbReviewer {
  const status = REVIEW_STATUSES[json.status ?? ''] ?? (json.approved === true ? 'approved' : 'none');
  return { user: datacenterMappers.user(json.user), role, status };
}

function repositoryName(ref: DatacenterPullRequestRefJson | undefined): string | undefined {
  const repository = ref?.repository;
  return repository?.project?.key === undefined ? undefined : `${repository.project.key}/${repository.slug}`;
}

function branchName(ref: DatacenterPullRequestRefJson | undefined): string {
  return ref?.displayId ?? ref?.id?.replace(/^refs\/heads\//, '') ?? '';
}

/** A line anchor on the new side (TO) or the old one (FROM); a file comment (no line) has none. */
function inline(anchor: DatacenterCommentAnchorJson | undefined): BbInlineAnchor | undefined {
  if (anchor?.path === undefined || anchor.line === undefined) return undefined;
  const old = anchor.fileType === 'FROM' || (anchor.fileType === undefined && anchor.lineType === 'REMOVED');
  return { path: anchor.path, line: anchor.line, side: old ? 'old' : 'new' };
}

function comment(json: DatacenterCommentJson, parentId: number | undefined): BbComment {
  const anchor = inline(json.anchor);
  const createdOn = isoDate(json.createdDate);
  const parent = parentId ?? json.parent?.id;
  return {
    id: json.id,
    author: datacenterMappers.user(json.author),
    text: json.text ?? '',
    createdOn,
    updatedOn: json.updatedDate === undefined ? createdOn : isoDate(json.updatedDate),
    ...(parent === undefined ? {} : { parentId: parent }),
    ...(anchor === undefined ? {} : { inline: anchor }),
    resolved: json.threadResolved === true,
    // Data Center removes a deleted comment outright (and refuses to while it has replies).
    deleted: false,
    replies: (json.comments ?? []).map((reply) => comment(reply, json.id)),
    ...(json.version === undefined ? {} : { version: json.version }),
  };
}

function replyIds(json: DatacenterCommentJson, into: Set<number>): void {
  for (const reply of json.comments ?? []) {
    into.add(reply.id);
    replyIds(reply, into);
  }
}

/** Data Center pull requests, comments, tasks and activity → the domain model. */
export const datacenterReviewMappers = {
  pullRequest(json: DatacenterPullRequestJson): BbPullRequest {
    const sourceRepository = repositoryName(json.fromRef);
    const createdOn = isoDate(json.createdDate);
    const { properties } = json;
    const url = json.links?.self?.[0]?.href;
    return {
      id: json.id,
      title: json.title ?? '',
      description: json.description ?? '',
      state: STATES.find((state) => state === json.state) ?? 'OPEN',
      draft: json.draft === true,
      author: datacenterMappers.user(json.author?.user),
      sourceBranch: branchName(json.fromRef),
      ...(json.fromRef?.latestCommit === undefined ? {} : { sourceCommit: json.fromRef.latestCommit }),
      ...(sourceRepository !== undefined && sourceRepository !== repositoryName(json.toRef)
        ? { sourceRepository }
        : {}),
      destinationBranch: branchName(json.toRef),
      ...(json.toRef?.latestCommit === undefined ? {} : { destinationCommit: json.toRef.latestCommit }),
      reviewers: [
        ...(json.reviewers ?? []).map((participant) => reviewer(participant, 'reviewer')),
        ...(json.participants ?? []).map((participant) => reviewer(participant, 'participant')),
      ],
      createdOn,
      updatedOn: json.updatedDate === undefined ? createdOn : isoDate(json.updatedDate),
      ...(json.closedDate === undefined ? {} : { closedOn: isoDate(json.closedDate) }),
      // Data Center leaves zero counts out of `properties`.
      ...(properties === undefined
        ? {}
        : { commentCount: properties.commentCount ?? 0, openTaskCount: properties.openTaskCount ?? 0 }),
      ...(properties?.mergeCommit?.id === undefined ? {} : { mergeCommit: properties.mergeCommit.id }),
      ...(url === undefined ? {} : { url }),
      ...(json.version === undefined ? {} : { version: json.version }),
    };
  },

  /** A comment with its replies nested; `parentId` names the parent when the JSON does not. */
  comment(json: DatacenterCommentJson, parentId?: number): BbComment {
    return comment(json, parentId);
  },

  /**
   * The comment threads of a pull request from its whole activity stream, oldest first. Every comment
   * has its own COMMENTED activity and carries its replies, so a thread starts at a comment no other
   * comment holds as a reply. Top-level BLOCKER comments are tasks (listed as such), not threads.
   */
  threads(activities: readonly DatacenterActivityJson[]): BbComment[] {
    const comments = new Map<number, DatacenterCommentJson>();
    for (const activity of activities) {
      const json = activity.comment;
      // Newest first: the first activity naming a comment has its latest state.
      if (activity.action !== 'COMMENTED' || activity.commentAction === 'DELETED' || json === undefined) continue;
      if (!comments.has(json.id)) comments.set(json.id, json);
    }
    const replies = new Set<number>();
    for (const json of comments.values()) replyIds(json, replies);
    return [...comments.values()]
      .filter((json) => !replies.has(json.id) && json.severity !== 'BLOCKER')
      .sort((a, b) => (a.createdDate ?? 0) - (b.createdDate ?? 0) || a.id - b.id)
      .map((json) => comment(json, undefined));
  },

  /** A BLOCKER comment; hanging off a comment when it is a blocker reply. */
  task(json: DatacenterCommentJson, commentId?: number): BbTask {
    const parent = commentId ?? json.parent?.id;
    return {
      id: json.id,
      text: json.text ?? '',
      state: json.state === 'RESOLVED' ? 'RESOLVED' : 'OPEN',
      author: datacenterMappers.user(json.author),
      createdOn: isoDate(json.createdDate),
      ...(parent === undefined ? {} : { commentId: parent }),
      ...(json.version === undefined ? {} : { version: json.version }),
    };
  },

  activity(json: DatacenterActivityJson): BbActivity {
    const { comment } = json;
    return {
      type: ACTIVITY_TYPES[json.action ?? ''] ?? 'other',
      user: datacenterMappers.user(json.user),
      date: isoDate(json.createdDate),
      ...(comment === undefined ? {} : { detail: comment.text ?? '', commentId: comment.id }),
    };
  },

  /**
   * The anchor Data Center needs for a line comment: the side (`fileType`) and what the line is there
   * (`lineType`), read from the pull request's diff of the file. A line the diff does not show as
   * changed is CONTEXT on either side, as Data Center names unchanged lines; the diff's hashes pin
   * the comment to the changes it was written on.
   */
  commentAnchor(line: BbInlineAnchor, diff: DatacenterDiffJson): Record<string, unknown> {
    const file = diff.diffs?.[0];
    const changed = line.side === 'new' ? 'ADDED' : 'REMOVED';
    const segment = (file?.hunks ?? [])
      .flatMap((hunk) => hunk.segments ?? [])
      .filter((candidate) => candidate.type === changed || candidate.type === 'CONTEXT')
      .find((candidate) =>
        (candidate.lines ?? []).some(
          (diffLine) => (line.side === 'new' ? diffLine.destination : diffLine.source) === line.line,
        ),
      );
    const srcPath = file?.source?.components?.join('/');
    return {
      diffType: 'EFFECTIVE',
      path: line.path,
      ...(srcPath === undefined || srcPath === line.path ? {} : { srcPath }),
      line: line.line,
      lineType: segment?.type ?? 'CONTEXT',
      fileType: line.side === 'new' ? 'TO' : 'FROM',
      ...(diff.fromHash === undefined || diff.toHash === undefined
        ? {}
        : { fromHash: diff.fromHash, toHash: diff.toHash }),
    };
  },
};
