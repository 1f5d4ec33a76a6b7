import type { Request, Response } from 'express';
import type { FileChange } from '../git/file-change';
import { renderUnifiedDiff } from '../git/unified-diff';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterDiff } from './datacenter-diff.representation';
import { changeUnderPaths } from './datacenter-path-filter';
import { sendDatacenterRaw } from './datacenter-raw-response';

/** The query every Data Center diff resource takes. */
export interface DatacenterDiffQuery {
  readonly contextLines?: string;
  readonly whitespace?: string;
  readonly srcPath?: string;
}

export interface DatacenterDiffContent {
  readonly changes: readonly FileChange[];
  readonly fromHash: string | null;
  readonly toHash: string;
  /** The path the URL names (and `srcPath`): only its changes; all when empty. */
  readonly path: string;
}

/** `git diff`'s own default context for the raw diff; the JSON diff defaults to Data Center's 10. */
const RAW_CONTEXT_LINES = 3;

function contextLinesOf(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const lines = Number(value);
  if (!Number.isInteger(lines) || lines < 0) {
    throw datacenterErrors.badRequest('contextLines must be a non-negative number of lines.', 'contextLines');
  }
  return lines;
}

/**
 * Answers a diff resource: RestDiff JSON by default, the raw unified diff when the client asks for
 * `text/plain` (as Data Center streams it on `Accept: text/plain`) or the resource is raw only
 * (a pull request's `{id}.diff`).
 */
export function sendDatacenterDiff(
  req: Request,
  res: Response,
  query: DatacenterDiffQuery,
  content: DatacenterDiffContent,
  format: 'negotiated' | 'raw' = 'negotiated',
): void {
  const contextLines = contextLinesOf(query.contextLines);
  const ignoreWhitespace = query.whitespace?.toLowerCase() === 'ignore-all';
  const paths = [content.path, query.srcPath ?? ''].filter((path) => path !== '');
  if (format === 'raw' || req.accepts(['application/json', 'text/plain']) === 'text/plain') {
    const changes = content.changes.filter((change) => changeUnderPaths(change, paths));
    const text = renderUnifiedDiff(changes, { context: contextLines ?? RAW_CONTEXT_LINES, ignoreWhitespace });
    sendDatacenterRaw(res, 'text/plain;charset=UTF-8', text);
    return;
  }
  const diff = datacenterDiff(content.changes, {
    fromHash: content.fromHash,
    toHash: content.toHash,
    ...(contextLines === undefined ? {} : { contextLines }),
    whitespace: ignoreWhitespace ? 'IGNORE_ALL' : 'SHOW',
    paths,
  });
  sendDatacenterRaw(res, 'application/json;charset=UTF-8', JSON.stringify(diff));
}
