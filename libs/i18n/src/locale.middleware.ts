import { RequestContext } from '@app/common';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { NextFunction, Request, Response } from 'express';
import { i18nConfig } from './i18n.config';
import { localeResolution } from './locale-resolution';

/**
 * Notes in the request context the language the request names (`lang`, X-Locale, Accept-Language),
 * before any guard runs, so every answer (a rate-limit or auth refusal included) can use it. Runs
 * after the CorrelationIdMiddleware, which opens the request context.
 */
@Injectable()
export class LocaleMiddleware implements NestMiddleware {
  constructor(@Inject(i18nConfig.KEY) private readonly config: ConfigType<typeof i18nConfig>) {}

  use(req: Request & { i18nLang?: string }, _res: Response, next: NextFunction): void {
    const context = RequestContext.current();
    const requested = localeResolution.requested({
      lang: req.query.lang,
      xLocale: req.headers['x-locale'],
      acceptLanguage: req.headers['accept-language'],
    });
    if (context !== undefined && requested !== undefined) context.requestedLocale = requested;
    // nestjs-i18n's interceptor resolves a language and opens its own context for every request that
    // has no `i18nLang` yet; nothing reads either (app-i18n.module.ts), so it is told there is one.
    req.i18nLang = requested ?? this.config.defaultLocale;
    next();
  }
}
