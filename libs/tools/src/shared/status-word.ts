import type { ToolContext } from '@app/mcp';

/** The families of Bitbucket's own status words that tool output shows, each with its catalogue prefix. */
type StatusFamily = 'PIPELINE' | 'PIPELINE_TRIGGER' | 'ISSUE_STATE' | 'ISSUE_KIND' | 'ISSUE_PRIORITY' | 'PR_STATE';

/**
 * A status word of Bitbucket's (`SUCCESSFUL`, `on hold`, `MERGED`…) in the answer's language:
 * `tools.STATUS_<FAMILY>_<WORD>`; a word Bitbucket added since, without an entry, is shown as it is.
 * Structured content keeps Bitbucket's words: only the text is translated.
 */
export function statusWord(family: StatusFamily, word: string, context: ToolContext): string {
  const key = `tools.STATUS_${family}_${word.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
  const translated = context.t(key);
  return translated === key ? word : translated;
}
