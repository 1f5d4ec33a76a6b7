import { RequestContext, Translator, type AppExceptionParams } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { I18nService } from 'nestjs-i18n';
import { i18nConfig } from './i18n.config';
import { localeResolution } from './locale-resolution';
import { SUPPORTED_LOCALES } from './supported-locales';

/** The catalogues under i18n/<lang>/ through nestjs-i18n; the language as localeResolution decides it. */
@Injectable()
export class I18nTranslator extends Translator {
  constructor(
    private readonly i18n: I18nService,
    @Inject(i18nConfig.KEY) private readonly config: ConfigType<typeof i18nConfig>,
  ) {
    super();
  }

  currentLocale(): string {
    const context = RequestContext.current();
    return localeResolution.ofRequest(
      {
        ...(context?.requestedLocale === undefined ? {} : { requested: context.requestedLocale }),
        ...(context?.principalLocale === undefined ? {} : { principal: context.principalLocale }),
      },
      this.config.defaultLocale,
    );
  }

  supportedLocales(): readonly string[] {
    return SUPPORTED_LOCALES;
  }

  defaultLocale(): string {
    return this.config.defaultLocale;
  }

  find(key: string, params: AppExceptionParams = {}, locale?: string): string | undefined {
    const lang = (locale === undefined ? undefined : localeResolution.language(locale)) ?? this.currentLocale();
    const message: unknown = this.i18n.t(key, { lang, args: params });
    // nestjs-i18n echoes the key when the catalogue has no such entry.
    return typeof message === 'string' && message !== key ? message : undefined;
  }
}
