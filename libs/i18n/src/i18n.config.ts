import { defineConfig, env } from '@app/config';
import { SUPPORTED_LOCALES } from './supported-locales';

export const i18nConfig = defineConfig({
  namespace: 'i18n',
  title: 'Languages',
  variables: {
    DEFAULT_LOCALE: env.oneOf(SUPPORTED_LOCALES, {
      default: 'en',
      description:
        "Language of user-facing messages when a request names none (Accept-Language, the X-Locale header or the principal's locale). Requests in a language without a catalogue get this one.",
    }),
  },
  map: (v) => ({ defaultLocale: v.DEFAULT_LOCALE }),
});
