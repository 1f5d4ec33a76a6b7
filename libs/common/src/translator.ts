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

  /**
   * The message of an error: its `messageKey` (by default its code), else its code's, else the generic
   * one. An `upstreamText` param (Bitbucket's own words, kept only when they add something) follows,
   * quoted as such, so a message in one language never reads as if it switched to another mid-sentence.
   */
  error(code: string, params: AppExceptionParams, locale?: string, messageKey: string = code): string {
    const message =
      this.find(`errors.${messageKey}`, params, locale) ??
      this.find(`errors.${code}`, params, locale) ??
      this.t('errors.INTERNAL', {}, locale);
    const { upstreamText } = params;
    return typeof upstreamText === 'string' && upstreamText !== ''
      ? `${message} ${this.t('errors.UPSTREAM_TEXT', { text: upstreamText }, locale)}`
      : message;
  }
}
