export { AppI18nModule } from './app-i18n.module';
export { i18nConfig } from './i18n.config';
export { localeResolution, type LocaleEnvironment, type RequestLanguageHints } from './locale-resolution';
export { LocaleMiddleware } from './locale.middleware';
export { stdioLocaleConfig } from './stdio-locale.config';
export { SUPPORTED_LOCALES, type SupportedLocale } from './supported-locales';
