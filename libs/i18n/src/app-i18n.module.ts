import { Translator } from '@app/common';
import { Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { AcceptLanguageResolver, HeaderResolver, I18nModule } from 'nestjs-i18n';
import { catalogueLoaderOptions } from './catalogue-loader-options';
import { CATALOGUE_PATH } from './catalogue-path';
import { I18nTranslator } from './i18n-translator';
import { i18nConfig } from './i18n.config';

@Global()
@Module({
  imports: [
    I18nModule.forRootAsync({
      imports: [],
      inject: [i18nConfig.KEY],
      useFactory: (config: ConfigType<typeof i18nConfig>) => ({
        fallbackLanguage: config.defaultLocale,
        fallbacks: { 'en-*': 'en', 'fr-*': 'fr' },
        loaderOptions: catalogueLoaderOptions(CATALOGUE_PATH),
        logging: false,
      }),
      resolvers: [new HeaderResolver(['x-locale']), AcceptLanguageResolver],
    }),
  ],
  providers: [{ provide: Translator, useClass: I18nTranslator }],
  exports: [Translator],
})
export class AppI18nModule {}
