import { RequestContext, Translator, type AppExceptionParams } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { I18nContext, I18nService } from 'nestjs-i18n';
import { i18nConfig } from './i18n.config';
import { SUPPORTED_LOCALES } from './supported-locales';

/** The catalogues under i18n/<lang>/ through nestjs-i18n. */
@Injectable()
export class I18nTranslator extends Translator {
  constructor(
    private readonly i18n: I18nService,
    @Inject(i18nConfig.KEY) private readonly config: ConfigType<typeof i18nConfig>,
  ) {
    super();
  }

  currentLocale(): string {
    return RequestContext.current()?.locale ?? I18nContext.current()?.lang ?? this.config.defaultLocale;
  }

  supportedLocales(): readonly string[] {
    return SUPPORTED_LOCALES;
  }

  defaultLocale(): string {
    return this.config.defaultLocale;
  }

  find(key: string, params: AppExceptionParams = {}, locale?: string): string | undefined {
    const lang = locale ?? this.currentLocale();
    const message: unknown = this.i18n.t(key, { lang, args: params });
    // nestjs-i18n echoes the key when the catalogue has no such entry.
    return typeof message === 'string' && message !== key ? message : undefined;
  }
}
