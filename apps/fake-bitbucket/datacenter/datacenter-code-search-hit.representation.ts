import type { FakeDataset } from '../dataset/fake-dataset';
import type { CodeSearchHit } from '../domain/code-search';
import type { DatacenterLinks } from './datacenter-links';
import { datacenterRepository } from './datacenter-repository.representation';
import { datacenterSearchText } from './datacenter-search-text';

/** Lines shown around each matching line; overlapping or touching contexts are one. */
const CONTEXT_LINES = 1;

/** Groups of consecutive line numbers (1-based) around the matching lines. */
function contextGroups(matching: readonly number[], lineCount: number): number[][] {
  const groups: number[][] = [];
  for (const line of matching) {
    const from = Math.max(1, line - CONTEXT_LINES);
    const to = Math.min(lineCount, line + CONTEXT_LINES);
    const last = groups.at(-1);
    const lastLine = last?.at(-1) ?? -1;
    const group = last !== undefined && from <= lastLine + 1 ? last : [];
    if (group !== last) groups.push(group);
    for (let n = Math.max(from, lastLine + 1); n <= to; n += 1) group.push(n);
  }
  return groups;
}

/** One file of a code search: the repository, the path cut at its matches, and the matching lines in context. */
export function datacenterCodeSearchHit(
  hit: CodeSearchHit,
  text: string,
  data: FakeDataset,
  links: DatacenterLinks,
): Record<string, unknown> {
  const lines = text.split('\n');
  const matches = new Map(hit.lines.map((line) => [line.line, line.matches]));
  return {
    repository: datacenterRepository(hit.repository, data, links),
    file: hit.path,
    hitContexts: contextGroups([...matches.keys()], lines.length - (text.endsWith('\n') ? 1 : 0)).map((group) =>
      group.map((line) => ({
        line,
        text: datacenterSearchText.highlight(lines[line - 1] ?? '', matches.get(line) ?? []),
      })),
    ),
    pathMatches: datacenterSearchText
      .pieces(hit.path, hit.pathMatches)
      .map((piece) => (piece.match ? { text: piece.text, match: true } : { text: piece.text })),
    hitCount: hit.matchCount,
  };
}
