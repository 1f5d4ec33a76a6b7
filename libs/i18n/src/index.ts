export { AppI18nModule } from './app-i18n.module';
export { i18nConfig } from './i18n.config';
export { SUPPORTED_LOCALES, type SupportedLocale } from './supported-locales';
