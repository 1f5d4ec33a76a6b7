import type { CodeSearchHit } from '../domain/code-search';
import { cloudRepositoryRef } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';
import { cloudShortCommit } from './cloud-short-commit.representation';
import { cloudSourcePath } from './cloud-source-path';

type Segment = { readonly text: string; readonly match?: true };

/** `text` cut into plain and matching segments; an empty line has none. */
function segmentsOf(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) segments.push({ text: text.slice(cursor, from) });
    segments.push({ text: text.slice(from, end), match: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}

/** Matching lines with one line of context each side; touching windows merge into one content match. */
function contentMatches(hit: CodeSearchHit): { lines: { line: number; segments: Segment[] }[] }[] {
  const text = hit.repository.git.get(hit.commit).tree.get(hit.path)?.text ?? '';
  const fileLines = text.split('\n');
  if (text.endsWith('\n')) fileLines.pop();
  const matched = new Map(hit.lines.map((line) => [line.line, line.matches]));
  const groups: number[][] = [];
  for (const { line } of hit.lines) {
    const first = Math.max(1, line - 1);
    const last = Math.min(fileLines.length, line + 1);
    const group = groups.at(-1);
    const groupEnd = group?.at(-1) ?? Number.NEGATIVE_INFINITY;
    const window = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    if (group !== undefined && first <= groupEnd + 1) group.push(...window.filter((n) => n > groupEnd));
    else groups.push(window);
  }
  return groups.map((numbers) => ({
    lines: numbers.map((line) => ({ line, segments: segmentsOf(fileLines[line - 1] ?? '', matched.get(line) ?? []) })),
  }));
}

/** One file of a Cloud code search page (`search_code_search_result`, docs/bitbucket-api.md#cloud-code-search). */
export function cloudCodeSearchResult(hit: CodeSearchHit, links: CloudLinks): Record<string, unknown> {
  const { repository } = hit;
  return {
    type: 'code_search_result',
    content_match_count: hit.matchCount,
    content_matches: contentMatches(hit),
    path_matches: segmentsOf(hit.path, hit.pathMatches),
    file: {
      type: 'commit_file',
      path: hit.path,
      commit: { ...cloudShortCommit(repository, hit.commit, links), repository: cloudRepositoryRef(repository, links) },
      links: {
        self: links.api(
          `/repositories/${repository.workspaceSlug}/${repository.slug}/src/${hit.commit}/${cloudSourcePath(hit.path)}`,
        ),
      },
    },
  };
}
