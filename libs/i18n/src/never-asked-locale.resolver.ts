import { Injectable } from '@nestjs/common';
import type { I18nResolver } from 'nestjs-i18n';

/**
 * nestjs-i18n's resolver list, never consulted: its middleware and interceptor, which would ask it, are
 * not installed (app-i18n.module.ts). Without any resolver nestjs-i18n prints a warning at start,
 * through Nest's default logger, before the app's logger is installed: a line outside the JSON logs
 * (on stdout for the HTTP server).
 */
@Injectable()
export class NeverAskedLocaleResolver implements I18nResolver {
  resolve(): undefined {
    return undefined;
  }
}
