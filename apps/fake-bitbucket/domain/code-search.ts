import type { FakeRepository } from '../dataset/fake-repository';

export interface CodeSearchLine {
  readonly line: number;
  readonly text: string;
  /** [start, end) character ranges of the matches in `text`. */
  readonly matches: readonly (readonly [number, number])[];
}

export interface CodeSearchHit {
  readonly repository: FakeRepository;
  readonly path: string;
  readonly commit: string;
  readonly pathMatches: readonly (readonly [number, number])[];
  readonly lines: readonly CodeSearchLine[];
  readonly matchCount: number;
}

interface ParsedQuery {
  readonly terms: readonly string[];
  readonly repo?: string;
  readonly project?: string;
  readonly ext?: string;
  readonly path?: string;
}

function parseQuery(query: string): ParsedQuery {
  const terms: string[] = [];
  const modifiers: Record<string, string> = {};
  for (const [, quoted, word] of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const token = quoted ?? word ?? '';
    const modifier = quoted === undefined ? /^(repo|project|ext|path|lang):(.+)$/i.exec(token) : null;
    if (modifier?.[1] !== undefined && modifier[2] !== undefined) modifiers[modifier[1].toLowerCase()] = modifier[2];
    else if (token !== '') terms.push(token.toLowerCase());
  }
  return {
    terms,
    ...(modifiers.repo === undefined ? {} : { repo: modifiers.repo.toLowerCase() }),
    ...(modifiers.project === undefined ? {} : { project: modifiers.project.toUpperCase() }),
    ...(modifiers.ext === undefined ? {} : { ext: modifiers.ext.toLowerCase().replace(/^\./, '') }),
    ...(modifiers.path === undefined ? {} : { path: modifiers.path }),
  };
}

function ranges(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  const found: [number, number][] = [];
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length))
      found.push([at, at + term.length]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/**
 * Code search over the default branch of the given repositories, as both flavors offer it: every term
 * must appear in the file (or its path); modifiers repo:, project:, ext:, path: narrow the scope.
 */
export function searchCode(repositories: readonly FakeRepository[], query: string): CodeSearchHit[] {
  const parsed = parseQuery(query);
  if (parsed.terms.length === 0) return [];
  const hits: CodeSearchHit[] = [];
  for (const repository of repositories) {
    if (parsed.repo !== undefined && repository.slug !== parsed.repo.split('/').pop()) continue;
    if (parsed.project !== undefined && repository.projectKey !== parsed.project) continue;
    const commit = repository.git.branches.get(repository.git.defaultBranch);
    if (commit === undefined) continue;
    for (const [path, blob] of repository.git.get(commit).tree) {
      if (blob.binary) continue;
      if (parsed.ext !== undefined && !path.toLowerCase().endsWith(`.${parsed.ext}`)) continue;
      if (parsed.path !== undefined && !path.includes(parsed.path)) continue;
      const text = blob.text.toLowerCase();
      const pathLower = path.toLowerCase();
      if (!parsed.terms.every((term) => text.includes(term) || pathLower.includes(term))) continue;
      const lines = blob.text
        .split('\n')
        .map((lineText, index) => ({ line: index + 1, text: lineText, matches: ranges(lineText, parsed.terms) }))
        .filter((line) => line.matches.length > 0);
      hits.push({
        repository,
        path,
        commit,
        pathMatches: ranges(path, parsed.terms),
        lines,
        matchCount: lines.reduce((sum, line) => sum + line.matches.length, 0),
      });
    }
  }
  return hits;
}
