import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';

export const lineWindowView = z.object({
  text: z.string(),
  fromLine: z.number().int().describe(catalogueText('output.lineWindow.fromLine')),
  toLine: z.number().int().describe(catalogueText('output.lineWindow.toLine')),
  totalLines: z.number().int(),
  truncated: z.string().optional().describe(catalogueText('output.lineWindow.truncated')),
});

export type LineWindowView = z.output<typeof lineWindowView>;

/**
 * Lines `fromLine`…`fromLine + maxLines - 1` of a text (1-based), cut further to the response budget
 * on a line boundary, saying which lines come next. `continueKey` is the i18n message telling the
 * model how to ask for them (e.g. `tools.FILE_CONTINUE` with fromLine).
 */
export function toLineWindow(
  text: string,
  window: { fromLine?: number | undefined; maxLines?: number | undefined },
  context: ToolContext,
  continueKey: string,
): LineWindowView {
  const lines = text.replace(/\n$/, '').split('\n');
  const totalLines = text === '' ? 0 : lines.length;
  const start = Math.max(1, window.fromLine ?? 1);
  const last = Math.min(totalLines, start - 1 + (window.maxLines ?? totalLines));
  const kept: string[] = [];
  let used = 0;
  for (let n = start; n <= last; n += 1) {
    const line = lines[n - 1] ?? '';
    if (used + line.length + 1 > context.budgetChars && kept.length > 0) break;
    kept.push(line);
    used += line.length + 1;
  }
  const toLine = start - 1 + kept.length;
  return {
    text: kept.join('\n'),
    fromLine: kept.length === 0 ? 0 : start,
    toLine,
    totalLines,
    ...(toLine < totalLines ? { truncated: context.t(continueKey, { fromLine: toLine + 1, toLine, totalLines }) } : {}),
  };
}
