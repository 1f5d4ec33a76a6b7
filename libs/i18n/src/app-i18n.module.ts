import { Translator } from '@app/common';
import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { I18nModule } from 'nestjs-i18n';
import { catalogueLoaderOptions } from './catalogue-loader-options';
import { CATALOGUE_PATH } from './catalogue-path';
import { I18nTranslator } from './i18n-translator';
import { i18nConfig } from './i18n.config';
import { LocaleMiddleware } from './locale.middleware';
import { RequestMarkedLocaleResolver } from './request-marked-locale.resolver';
import { SUPPORTED_LOCALES } from './supported-locales';

/**
 * nestjs-i18n loads the catalogues and interpolates; which language a request gets is decided by
 * localeResolution alone (LocaleMiddleware, I18nTranslator, which names the language of every
 * translation), so nestjs-i18n's own per-request middleware is off and its resolvers never asked (see
 * RequestMarkedLocaleResolver): they built a context per HTTP request that nothing read. Its fallbacks
 * send a regional variant that reaches it directly to its language all the same.
 */
@Global()
@Module({
  imports: [
    I18nModule.forRootAsync({
      imports: [],
      inject: [i18nConfig.KEY],
      useFactory: (config: ConfigType<typeof i18nConfig>) => ({
        fallbackLanguage: config.defaultLocale,
        fallbacks: Object.fromEntries(SUPPORTED_LOCALES.map((lang) => [`${lang}-*`, lang])),
        loaderOptions: catalogueLoaderOptions(CATALOGUE_PATH),
        logging: false,
        disableMiddleware: true,
      }),
      resolvers: [RequestMarkedLocaleResolver],
    }),
  ],
  providers: [{ provide: Translator, useClass: I18nTranslator }, LocaleMiddleware],
  exports: [Translator, LocaleMiddleware],
})
export class AppI18nModule {}
