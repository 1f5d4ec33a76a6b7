import { createHash } from 'node:crypto';
import type { GitTag } from '../git/git-tag';

/** The id of an annotated tag's own object; a lightweight tag's ref points straight at the commit. */
function tagObjectHash(tag: GitTag): string {
  if (tag.message === undefined) return tag.target;
  const tagger = tag.tagger === undefined ? '' : `tagger ${tag.tagger.name} <${tag.tagger.email}>\n`;
  return createHash('sha1')
    .update(`object ${tag.target}\ntype commit\ntag ${tag.name}\n${tagger}\n${tag.message}`)
    .digest('hex');
}

/** RestTag: `latestCommit` is the tagged commit, `hash` the tag object (annotated tags). */
export function datacenterTag(tag: GitTag): Record<string, unknown> {
  return {
    id: `refs/tags/${tag.name}`,
    displayId: tag.name,
    type: 'TAG',
    latestCommit: tag.target,
    latestChangeset: tag.target,
    hash: tagObjectHash(tag),
  };
}
