import { defineConfig, env } from '@app/config';
import { SUPPORTED_LOCALES } from './supported-locales';

export const i18nConfig = defineConfig({
  namespace: 'i18n',
  title: 'Languages',
  variables: {
    DEFAULT_LOCALE: env.oneOf(SUPPORTED_LOCALES, {
      default: 'en',
      description:
        "Language of user-facing messages when nothing names one: not the request (the lang query parameter, X-Locale, Accept-Language), nor its MCP session, nor the principal's locale claim, nor (stdio) BITBUCKET_MCP_LOCALE, LC_ALL or LANG. A request naming only languages without a catalogue gets this one too.",
    }),
  },
  map: (v) => ({ defaultLocale: v.DEFAULT_LOCALE }),
});
