import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';

const DEFAULT_MAX_LINES_PER_FILE = 300;
const FILE_HEADER = 'diff --git ';

export const diffFileView = z.object({
  path: z.string(),
  shownLines: z.number().int().describe(catalogueText('output.diffFile.shownLines')),
  totalLines: z.number().int().describe(catalogueText('output.diffFile.totalLines')),
});

export const diffView = z.object({
  diff: z.string().describe(catalogueText('output.diff.diff')),
  files: z.array(diffFileView).describe(catalogueText('output.diff.files')),
  omittedFiles: z.array(z.string()).describe(catalogueText('output.diff.omittedFiles')),
  nextSkipFiles: z.number().int().optional().describe(catalogueText('output.diff.nextSkipFiles')),
  truncated: z.string().optional().describe(catalogueText('output.diff.truncated')),
});

export type DiffView = z.output<typeof diffView>;

interface DiffFile {
  readonly path: string;
  /** The `diff --git` line and the headers before the first hunk. */
  readonly header: readonly string[];
  readonly body: readonly string[];
}

/** `diff --git a/x b/y` → `y` (the path after the change); /dev/null sides come from ---/+++ lines. */
function pathOf(header: readonly string[]): string {
  const plus = header.find((line) => line.startsWith('+++ '));
  const minus = header.find((line) => line.startsWith('--- '));
  const side = (line: string | undefined): string | undefined => {
    const name = line?.slice(4).trim();
    return name === undefined || name === '/dev/null' ? undefined : name.replace(/^[ab]\//, '');
  };
  const fromGit = /^diff --git a\/(.+) b\/(.+)$/.exec(header[0] ?? '')?.[2];
  return side(plus) ?? side(minus) ?? fromGit ?? '(unknown)';
}

function splitFiles(raw: string): DiffFile[] {
  if (raw.trim() === '') return [];
  const files: { header: string[]; body: string[] }[] = [];
  for (const line of raw.replace(/\n$/, '').split('\n')) {
    if (line.startsWith(FILE_HEADER) || files.length === 0) files.push({ header: [], body: [] });
    const file = files[files.length - 1];
    if (file === undefined) continue;
    if (file.body.length === 0 && !line.startsWith('@@') && !line.startsWith('Binary files')) file.header.push(line);
    else file.body.push(line);
  }
  return files
    .filter((file) => file.header.length > 0 || file.body.length > 0)
    .map((file) => ({ path: pathOf(file.header), header: file.header, body: file.body }));
}

/**
 * Fits a raw unified diff into the response budget: at most `maxLinesPerFile` lines a file (from
 * `lineOffset` when one file is asked for), whole files while they fit, and an explicit continuation
 * (skipFiles, or paths + lineOffset) for whatever was left out.
 */
export function toDiffView(
  raw: string,
  args: { paths?: readonly string[] | undefined; maxLinesPerFile?: number; skipFiles?: number; lineOffset?: number },
  context: ToolContext,
): DiffView {
  const maxLines = args.maxLinesPerFile ?? DEFAULT_MAX_LINES_PER_FILE;
  const skip = args.skipFiles ?? 0;
  const offset = args.paths?.length === 1 ? (args.lineOffset ?? 0) : 0;
  const all = splitFiles(raw);
  const pending = all.slice(skip);
  const shownText: string[] = [];
  const files: z.output<typeof diffFileView>[] = [];
  const notes: string[] = [];
  let used = 0;
  for (const [index, file] of pending.entries()) {
    const body = file.body.slice(offset, offset + maxLines);
    const text = [...file.header, ...body].join('\n');
    if (used + text.length + 1 > context.budgetChars && files.length > 0) {
      const omitted = pending.slice(index).map((rest) => rest.path);
      notes.push(context.t('tools.DIFF_FILES_OMITTED', { count: omitted.length, skipFiles: skip + index }));
      return {
        diff: shownText.join('\n'),
        files,
        omittedFiles: omitted,
        nextSkipFiles: skip + index,
        truncated: notes.join('\n'),
      };
    }
    // A single file larger than the whole budget is cut by characters, on a line boundary.
    const fitted = used + text.length + 1 > context.budgetChars ? fitLines(file, body, context.budgetChars) : body;
    shownText.push([...file.header, ...fitted].join('\n'));
    used += text.length + 1;
    files.push({ path: file.path, shownLines: fitted.length, totalLines: file.body.length });
    const nextOffset = offset + fitted.length;
    if (nextOffset < file.body.length) {
      notes.push(
        context.t('tools.DIFF_FILE_CUT', {
          path: file.path,
          shown: fitted.length,
          total: file.body.length,
          lineOffset: nextOffset,
        }),
      );
    }
  }
  return {
    diff: shownText.join('\n'),
    files,
    omittedFiles: [],
    ...(notes.length === 0 ? {} : { truncated: notes.join('\n') }),
  };
}

function fitLines(file: DiffFile, body: readonly string[], budgetChars: number): string[] {
  let used = file.header.join('\n').length;
  const kept: string[] = [];
  for (const line of body) {
    if (used + line.length + 1 > budgetChars && kept.length > 0) break;
    kept.push(line);
    used += line.length + 1;
  }
  return kept;
}

/** The diff, then what was cut and how to continue. */
export function renderDiffView(view: DiffView, context: ToolContext): string {
  const parts = [view.diff === '' ? context.t('tools.DIFF_EMPTY') : view.diff];
  if (view.truncated !== undefined) parts.push(`\n${view.truncated}`);
  return parts.join('\n');
}
