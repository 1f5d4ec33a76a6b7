import { defineConfig, env } from '@app/config';

/**
 * The variables that choose the language of the stdio server, whose client sends no header. Never
 * refused: a value naming no language with a catalogue (or the system's own LANG, whatever it holds)
 * leaves the choice to the next one.
 */
export const stdioLocaleConfig = defineConfig({
  namespace: 'stdioLocale',
  title: 'Language of the stdio server',
  variables: {
    BITBUCKET_MCP_LOCALE: env.string({
      expects: 'a language tag',
      description:
        'stdio only: language of user-facing messages (en, fr, de, es, ja; a regional variant such as fr-CA counts as its language). Wins over LC_ALL and LANG; a language without a catalogue is ignored.',
      example: 'fr',
    }),
    LC_ALL: env.string({
      expects: 'a POSIX locale',
      description:
        'stdio only, when BITBUCKET_MCP_LOCALE is unset: the POSIX locale (fr_FR.UTF-8 reads French). As in POSIX, the first of LC_ALL, LC_MESSAGES and LANG that is set decides; C or POSIX name no language, leaving DEFAULT_LOCALE.',
    }),
    LC_MESSAGES: env.string({
      expects: 'a POSIX locale',
      description: 'stdio only: the POSIX locale of messages, when LC_ALL is unset.',
    }),
    LANG: env.string({
      expects: 'a POSIX locale',
      description: 'stdio only: the POSIX locale, when LC_ALL and LC_MESSAGES are unset.',
    }),
  },
  map: (v) => ({
    environment: {
      ...(v.BITBUCKET_MCP_LOCALE === undefined ? {} : { BITBUCKET_MCP_LOCALE: v.BITBUCKET_MCP_LOCALE }),
      ...(v.LC_ALL === undefined ? {} : { LC_ALL: v.LC_ALL }),
      ...(v.LC_MESSAGES === undefined ? {} : { LC_MESSAGES: v.LC_MESSAGES }),
      ...(v.LANG === undefined ? {} : { LANG: v.LANG }),
    },
  }),
});
