import type { I18nAbstractLoaderOptions } from 'nestjs-i18n';

/**
 * How nestjs-i18n reads the catalogues under `path`: only `<lang>/*.json`, so notes beside them (a
 * translator's `glossary.md`) are not catalogues; read once at boot.
 */
export function catalogueLoaderOptions(path: string): I18nAbstractLoaderOptions {
  return { path, filePattern: '*.json', watch: false };
}
