import { Translator } from '@app/common';
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { ConfigType } from '@nestjs/config';
import { I18nModule } from 'nestjs-i18n';
import { catalogueLoaderOptions } from './catalogue-loader-options';
import { CATALOGUE_PATH } from './catalogue-path';
import { I18nTranslator } from './i18n-translator';
import { i18nConfig } from './i18n.config';
import { LocaleMiddleware } from './locale.middleware';
import { NeverAskedLocaleResolver } from './never-asked-locale.resolver';
import { SUPPORTED_LOCALES } from './supported-locales';

/**
 * nestjs-i18n's module without its global interceptor: the interceptor resolves a language and opens a
 * context for every request, which nothing reads, and as the app's only interceptor it made Nest run an
 * RxJS pipeline around every handler (about 4 % of a tools/call's CPU: docs/SLA.md, level 2).
 */
function withoutInterceptor(module: DynamicModule): DynamicModule {
  const isInterceptor = (provider: Provider): boolean =>
    typeof provider === 'object' && 'provide' in provider && provider.provide === APP_INTERCEPTOR;
  return { ...module, providers: (module.providers ?? []).filter((provider) => !isInterceptor(provider)) };
}

/**
 * nestjs-i18n loads the catalogues and interpolates; which language a request gets is decided by
 * localeResolution alone (LocaleMiddleware, I18nTranslator, which names the language of every
 * translation), so nestjs-i18n's own per-request middleware and interceptor are not installed and its
 * resolvers never asked: they built a context per HTTP request that nothing read. Its fallbacks send a
 * regional variant that reaches it directly to its language all the same.
 */
@Global()
@Module({
  imports: [
    withoutInterceptor(
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
        resolvers: [NeverAskedLocaleResolver],
      }),
    ),
  ],
  providers: [{ provide: Translator, useClass: I18nTranslator }, LocaleMiddleware],
  exports: [Translator, LocaleMiddleware],
})
export class AppI18nModule {}
