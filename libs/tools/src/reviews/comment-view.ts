import type { BbComment, BbInlineAnchor } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';

const INDENT = '  ';

export const commentView = z.object({
  id: z.number().int(),
  parentId: z.number().int().optional().describe(catalogueText('output.comment.parentId')),
  depth: z.number().int().describe(catalogueText('output.comment.depth')),
  author: z.string().describe(catalogueText('output.comment.author')),
  createdOn: z.string(),
  text: z.string(),
  path: z.string().optional().describe(catalogueText('output.comment.path')),
  line: z.number().int().optional(),
  side: z.enum(['new', 'old']).optional().describe(catalogueText('output.comment.side')),
  resolved: z.boolean(),
  deleted: z.boolean(),
});

export type CommentView = z.output<typeof commentView>;

const sameAnchor = (a: BbInlineAnchor | undefined, b: BbInlineAnchor | undefined): boolean =>
  a?.path === b?.path && a?.line === b?.line && a?.side === b?.side;

/**
 * One comment, a reply of `parent` when it is listed in a thread; an anchor it shares with its parent
 * is left out (replies repeat it on Cloud).
 */
export function toCommentView(comment: BbComment, depth = 0, parent?: BbComment): CommentView {
  const anchor =
    comment.inline !== undefined && !sameAnchor(comment.inline, parent?.inline) ? comment.inline : undefined;
  const parentId = parent?.id ?? comment.parentId;
  return {
    id: comment.id,
    ...(parentId === undefined ? {} : { parentId }),
    depth,
    author: comment.author.name,
    createdOn: comment.createdOn,
    text: comment.deleted ? '' : comment.text,
    ...(anchor === undefined ? {} : { path: anchor.path, line: anchor.line, side: anchor.side }),
    resolved: comment.resolved,
    deleted: comment.deleted,
  };
}

/** A thread as a list in reading order: the first comment, then each reply after its parent. */
export function flattenThread(root: BbComment): CommentView[] {
  const visit = (comment: BbComment, depth: number, parent?: BbComment): CommentView[] => [
    toCommentView(comment, depth, parent),
    ...comment.replies.flatMap((reply) => visit(reply, depth + 1, comment)),
  ];
  return visit(root, 0);
}

/**
 * `#1007 bob 2026-03-09 src/refunds/refund.service.ts:14: Should refund be idempotent?`, indented by
 * depth, with [resolved] or [deleted] when they apply; a text's own lines keep the indentation.
 */
export function commentLine(comment: CommentView, context: ToolContext): string {
  const indent = INDENT.repeat(comment.depth);
  const anchor =
    comment.path === undefined
      ? ''
      : comment.side === 'old'
        ? ` ${context.t('tools.COMMENT_OLD_LINE', { path: comment.path, line: comment.line ?? 0 })}`
        : ` ${comment.path}:${comment.line ?? 0}`;
  const flags = [
    ...(comment.resolved ? [context.t('tools.COMMENT_RESOLVED')] : []),
    ...(comment.deleted ? [context.t('tools.COMMENT_DELETED')] : []),
  ];
  const head = `${indent}#${comment.id} ${comment.author} ${comment.createdOn.slice(0, 10)}${anchor}${flags.map((flag) => ` ${flag}`).join('')}`;
  return comment.text === '' ? head : `${head}: ${comment.text.replace(/\n/g, `\n${indent}${INDENT}`)}`;
}
