import type { AppExceptionParams } from './app.exception';

/**
 * Port to the message catalogues: `key` is `<namespace>.<KEY>` (`errors.NOT_FOUND`). The language is
 * `locale` when given (an MCP session's), else the current HTTP request's, else the default. A
 * missing key yields undefined from `find` so callers can fall back deliberately.
 */
export abstract class Translator {
  abstract find(key: string, params?: AppExceptionParams, locale?: string): string | undefined;

  /** The language of the current request (its headers, else the default). */
  abstract currentLocale(): string;

  /** The languages with a catalogue, so what is computed per language (tools/list) can be computed once for each. */
  abstract supportedLocales(): readonly string[];

  /** The language of a request that names none of the supported ones. */
  abstract defaultLocale(): string;

  t(key: string, params?: AppExceptionParams, locale?: string): string {
    return this.find(key, params, locale) ?? key;
  }

  /** The message for an error code, or the generic one when the catalogue has none for it. */
  error(code: string, params: AppExceptionParams, locale?: string): string {
    return this.find(`errors.${code}`, params, locale) ?? this.t('errors.INTERNAL', {}, locale);
  }
}
