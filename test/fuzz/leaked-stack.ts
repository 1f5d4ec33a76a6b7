import { REPO_ROOT } from '@app/testing';

/** What only a stack trace or an internal error puts into an answer. */
const STACK_SIGNS: readonly RegExp[] = [
  // A V8 stack frame: `    at fn (/path/file.js:1:2)`, `    at node:internal/…:1:2`, `    at async fn (file:///…)`.
  /^\s*at (?:async )?(?:\S[^\n]*? \()?(?:\/|file:|node:|[A-Za-z]:\\)[^\n]*?:\d+:\d+\)?\s*$/m,
  /^\s+at [\w$.<>[\] ]+ \(<anonymous>\)\s*$/m,
  // A position in compiled code: `main.js:12:5` (a pull request comment's `file.ts:12` is not one).
  /\b[\w.-]+\.[cm]?js:\d+:\d+\b/,
  // An absolute path to a file of the installed server.
  /(?:^|[\s"'(=:])\/[\w.@/-]*\/(?:dist|node_modules)\/[\w.@/-]+\.[cm]?[jt]s\b/m,
];

/** Every string in a JSON value (keys too), so escaped newlines in JSON bodies read as the newlines they are. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  }
  return [];
}

function textsOf(text: string): string[] {
  try {
    return [text, ...stringsIn(JSON.parse(text))];
  } catch {
    return [text];
  }
}

/**
 * The first sign of a stack trace or of the server's own files in `answer`, or undefined. What the request
 * itself carried is not a leak: an answer may quote the caller's input (a path it refuses, say).
 */
export function leakedStack(answer: string, request: string): string | undefined {
  const sent = textsOf(request);
  const echoed = (found: string): boolean => sent.some((text) => text.includes(found));
  for (const text of textsOf(answer)) {
    if (text.includes(REPO_ROOT) && !echoed(REPO_ROOT)) return `the server's directory ${REPO_ROOT}`;
    for (const sign of STACK_SIGNS) {
      const found = sign.exec(text)?.[0].trim();
      if (found !== undefined && !echoed(found)) return found;
    }
  }
  return undefined;
}
