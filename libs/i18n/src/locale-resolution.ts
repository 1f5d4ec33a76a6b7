import { SUPPORTED_LOCALES, type SupportedLocale } from './supported-locales';

/** What an HTTP request says of its language, as it arrived (headers may repeat, the query may be anything). */
export interface RequestLanguageHints {
  /** The `lang` query parameter. */
  readonly lang?: unknown;
  /** The X-Locale header. */
  readonly xLocale?: unknown;
  /** The Accept-Language header. */
  readonly acceptLanguage?: unknown;
}

/** The locale variables of a process (stdio), as the environment holds them. */
export interface LocaleEnvironment {
  readonly BITBUCKET_MCP_LOCALE?: string;
  readonly LC_ALL?: string;
  readonly LC_MESSAGES?: string;
  readonly LANG?: string;
}

const isSupported = (language: string): language is SupportedLocale =>
  (SUPPORTED_LOCALES as readonly string[]).includes(language);

/** The one value of a header or query parameter that may arrive repeated; undefined for anything else. */
function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return single(value[0]);
  return typeof value === 'string' ? value : undefined;
}

/**
 * The supported language a tag names: a BCP 47 tag (`fr`, `fr-CA`, `es-419`, `zh-Hant-TW`) or a POSIX
 * locale (`fr_FR.UTF-8`, `de_AT@euro`) maps to its primary language subtag; `C`, `POSIX`, `*` and
 * languages without a catalogue name none.
 */
function language(tag: string): SupportedLocale | undefined {
  const primary = /^\s*([A-Za-z]{2,3})(?:[-_.@]|\s*$)/.exec(tag)?.[1]?.toLowerCase();
  return primary !== undefined && isSupported(primary) ? primary : undefined;
}

/**
 * The supported language an Accept-Language header prefers most (RFC 9110 §12.5.4): ranges by
 * descending q-value, ties in the order sent, `q=0` meaning "not this one"; a range without a
 * catalogue is skipped for the next one. `*` names no language in particular.
 */
function preferred(acceptLanguage: string): SupportedLocale | undefined {
  const ranges = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.split(';');
      const q = params.map((param) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param)?.[1]).find(Boolean);
      return { range: range.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.range !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    const found = language(range);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The one place that decides which language a user reads (issue 13), first match wins:
 * 1. what the request names: the `lang` query parameter, then X-Locale, then Accept-Language;
 * 2. inside an MCP session, for a request naming none: the session's language (the MCP core's
 *    `answerLocale`), itself decided by this order when the session opened;
 * 3. the principal's `locale` claim;
 * 4. for stdio: BITBUCKET_MCP_LOCALE, then the POSIX locale (LC_ALL, else LC_MESSAGES, else LANG);
 * 5. DEFAULT_LOCALE.
 * A regional variant counts as its language (`fr-CA` is French); a name without a catalogue (`xx`)
 * is no match, so the next source decides.
 */
export const localeResolution = {
  language,

  /** The language the request itself names, or undefined when it names none this server has. */
  requested(hints: RequestLanguageHints): SupportedLocale | undefined {
    const lang = single(hints.lang);
    const xLocale = single(hints.xLocale);
    const acceptLanguage = single(hints.acceptLanguage);
    return (
      (lang === undefined ? undefined : language(lang)) ??
      (xLocale === undefined ? undefined : language(xLocale)) ??
      (acceptLanguage === undefined ? undefined : preferred(acceptLanguage))
    );
  },

  /** The language of an HTTP request: the one it names, else its principal's, else the default. */
  ofRequest(
    request: { readonly requested?: string; readonly principal?: string },
    defaultLocale: SupportedLocale,
  ): SupportedLocale {
    return (
      (request.requested === undefined ? undefined : language(request.requested)) ??
      (request.principal === undefined ? undefined : language(request.principal)) ??
      defaultLocale
    );
  },

  /**
   * The language of a stdio server: BITBUCKET_MCP_LOCALE, else the POSIX locale of messages (the
   * first of LC_ALL, LC_MESSAGES and LANG that is set decides, as in POSIX: `C` there means no
   * language), else the default.
   */
  ofEnvironment(environment: LocaleEnvironment, defaultLocale: SupportedLocale): SupportedLocale {
    const posix = [environment.LC_ALL, environment.LC_MESSAGES, environment.LANG].find(
      (value) => value !== undefined && value.trim() !== '',
    );
    return (
      (environment.BITBUCKET_MCP_LOCALE === undefined ? undefined : language(environment.BITBUCKET_MCP_LOCALE)) ??
      (posix === undefined ? undefined : language(posix)) ??
      defaultLocale
    );
  },
};
