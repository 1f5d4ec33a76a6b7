import { RequestContext } from '@app/common';
import type { McpSession } from './mcp-session';

/**
 * The language of an answer in `session`: the one the request carrying it names (Accept-Language,
 * X-Locale or `lang` on that very HTTP POST, noted in the request context), else the session's own.
 * Over stdio no request names one, so it is always the session's.
 */
export function answerLocale(session: McpSession): string {
  return RequestContext.current()?.requestedLocale ?? session.locale;
}
