import { RequestContext } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { I18nResolver } from 'nestjs-i18n';

/**
 * nestjs-i18n's own per-request language (its I18nContext) is the one LocaleMiddleware noted, so that
 * anything reading it agrees with localeResolution; it never resolves a language by itself.
 */
@Injectable()
export class RequestedLocaleResolver implements I18nResolver {
  resolve(): string | undefined {
    return RequestContext.current()?.requestedLocale;
  }
}
