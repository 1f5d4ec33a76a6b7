import type { FakeComment } from './fake-comment';

/** The top comment of the thread `comment` belongs to: itself, or the ancestor of its replies' chain. */
export function commentThreadTop(comment: FakeComment, comments: readonly FakeComment[]): FakeComment {
  const parentOf = (child: FakeComment): FakeComment | undefined => comments.find((c) => c.id === child.parentId);
  let top = comment;
  for (let parent = parentOf(top); parent !== undefined; parent = parentOf(top)) top = parent;
  return top;
}
