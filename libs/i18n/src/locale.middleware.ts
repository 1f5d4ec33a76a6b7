import { RequestContext } from '@app/common';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { localeResolution } from './locale-resolution';

/**
 * Notes in the request context the language the request names (`lang`, X-Locale, Accept-Language),
 * before any guard runs, so every answer (a rate-limit or auth refusal included) can use it. Runs
 * after the CorrelationIdMiddleware, which opens the request context.
 */
@Injectable()
export class LocaleMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const context = RequestContext.current();
    const requested = localeResolution.requested({
      lang: req.query.lang,
      xLocale: req.headers['x-locale'],
      acceptLanguage: req.headers['accept-language'],
    });
    if (context !== undefined && requested !== undefined) context.requestedLocale = requested;
    next();
  }
}
