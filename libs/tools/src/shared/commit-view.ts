import type { BbCommit } from '@app/bitbucket';
import { z } from 'zod';
import { shortHash } from './short-hash';
import { catalogueText } from '@app/mcp';

/** A commit as listings show it: enough to recognize it and to ask for it (get_commit, get_commit_diff). */
export const commitLineView = z.object({
  hash: z.string(),
  date: z.string(),
  author: z.string().describe(catalogueText('output.commitLine.author')),
  summary: z.string().describe(catalogueText('output.commitLine.summary')),
});

export type CommitLineView = z.output<typeof commitLineView>;

export function toCommitLineView(commit: BbCommit): CommitLineView {
  return {
    hash: commit.hash,
    date: commit.date,
    author: commit.authorName,
    summary: commit.message.split('\n')[0] ?? '',
  };
}

/** `1a2b3c4d5e6f 2026-03-02 Alice Martin: Initial commit` */
export function commitLine(commit: CommitLineView): string {
  return `${shortHash(commit.hash)} ${commit.date.slice(0, 10)} ${commit.author}: ${commit.summary}`;
}
