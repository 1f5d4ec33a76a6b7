import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { lineWindowView, toLineWindow } from '../shared/line-window';
import { catalogueText } from '@app/mcp';

/** Longer log lines (minified output, progress bars) are cut: they would eat the budget for nothing. */
const MAX_LINE_CHARS = 1000;
// eslint-disable-next-line no-control-regex -- terminal colour codes are exactly what is removed
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[A-Za-z]/g;
const CONTINUE_KEY = 'tools.PIPELINE_LOG_MORE';

export const logExcerptView = lineWindowView.extend({
  matches: z.number().int().optional().describe(catalogueText('output.logExcerpt.matches')),
});

export type LogExcerptView = z.output<typeof logExcerptView>;

/** The lines of a step log as a terminal shows them: colour codes removed, carriage-return rewrites resolved. */
export function logLines(raw: string): string[] {
  if (raw === '') return [];
  return raw
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      const shown =
        line
          .replace(ANSI_ESCAPE, '')
          .split('\r')
          .filter((part) => part !== '')
          .pop() ?? '';
      const extra = shown.length - MAX_LINE_CHARS;
      return extra > 0 ? `${shown.slice(0, MAX_LINE_CHARS)}… (+${extra})` : shown;
    });
}

/** The last `maxLines` lines that fit the budget, saying where the earlier ones are. */
export function tailExcerpt(lines: readonly string[], maxLines: number, context: ToolContext): LogExcerptView {
  let start = lines.length + 1;
  let used = 0;
  while (start > 1 && lines.length - start + 1 < maxLines) {
    const size = (lines[start - 2] ?? '').length + 1;
    if (used + size > context.budgetChars && start <= lines.length) break;
    used += size;
    start -= 1;
  }
  const window = toLineWindow(lines.join('\n'), { fromLine: start }, context, CONTINUE_KEY);
  if (start <= 1) return window;
  const shown = lines.length - start + 1;
  return {
    ...window,
    truncated: context.t('tools.PIPELINE_LOG_EARLIER', {
      before: start - 1,
      fromLine: Math.max(1, start - shown),
      maxLines: Math.min(shown, start - 1),
    }),
  };
}

/** Lines from `fromLine` on, at most `maxLines`, within the budget (line-window.ts). */
export function windowExcerpt(
  lines: readonly string[],
  fromLine: number,
  maxLines: number,
  context: ToolContext,
): LogExcerptView {
  return toLineWindow(lines.join('\n'), { fromLine, maxLines }, context, CONTINUE_KEY);
}

/**
 * Matching lines (`n:text`) with `contextLines` around them (`n-text`), blocks apart separated by
 * `--` as grep does: whole matches while they fit `maxLines` and the budget, then where to continue.
 */
export function matchExcerpt(
  lines: readonly string[],
  hits: readonly number[],
  window: { maxLines: number; contextLines: number },
  context: ToolContext,
): LogExcerptView {
  const hitSet = new Set(hits);
  const shown: string[] = [];
  let shownLines = 0;
  let used = 0;
  let first = -1;
  let last = -1;
  for (const [index, hit] of hits.entries()) {
    const from = Math.max(hit - window.contextLines, last + 1, 0);
    const to = Math.min(hit + window.contextLines, lines.length - 1);
    const chunk: string[] = [];
    if (last >= 0 && from > last + 1) chunk.push('--');
    for (let n = from; n <= to; n += 1) chunk.push(`${n + 1}${hitSet.has(n) ? ':' : '-'}${lines[n] ?? ''}`);
    const size = chunk.reduce((sum, line) => sum + line.length + 1, 0);
    const count = Math.max(0, to - from + 1);
    if (index > 0 && (shownLines + count > window.maxLines || used + size > context.budgetChars)) {
      return {
        ...range(shown, first, last, lines.length, hits.length),
        truncated: context.t('tools.PIPELINE_LOG_MORE_MATCHES', { omitted: hits.length - index, fromLine: hit + 1 }),
      };
    }
    shown.push(...chunk);
    shownLines += count;
    used += size;
    if (count > 0) {
      if (first < 0) first = from;
      last = to;
    }
  }
  return range(shown, first, last, lines.length, hits.length);
}

function range(shown: string[], first: number, last: number, totalLines: number, matches: number): LogExcerptView {
  return {
    text: shown.join('\n'),
    fromLine: first < 0 ? 0 : first + 1,
    toLine: last < 0 ? 0 : last + 1,
    totalLines,
    matches,
  };
}
