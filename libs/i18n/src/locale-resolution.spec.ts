import { localeResolution } from './locale-resolution';

describe('localeResolution', () => {
  describe('language', () => {
    it.each([
      ['fr', 'fr'],
      ['FR', 'fr'],
      ['fr-CA', 'fr'],
      ['de-AT', 'de'],
      ['ja-JP', 'ja'],
      ['es-419', 'es'],
      ['en-GB', 'en'],
      ['fr_FR.UTF-8', 'fr'],
      ['de_DE@euro', 'de'],
      ['ja_JP.eucJP', 'ja'],
      [' es ', 'es'],
    ])('%s is %s', (tag, expected) => {
      expect(localeResolution.language(tag)).toBe(expected);
    });

    it.each(['xx', 'xx-YY', 'pt-BR', 'C', 'POSIX', 'C.UTF-8', '*', '', 'french', 'f', '12'])(
      '%j names no language with a catalogue',
      (tag) => {
        expect(localeResolution.language(tag)).toBeUndefined();
      },
    );
  });

  describe('requested', () => {
    it('takes lang before X-Locale before Accept-Language', () => {
      expect(localeResolution.requested({ lang: 'ja', xLocale: 'de', acceptLanguage: 'fr' })).toBe('ja');
      expect(localeResolution.requested({ xLocale: 'de', acceptLanguage: 'fr' })).toBe('de');
      expect(localeResolution.requested({ acceptLanguage: 'fr' })).toBe('fr');
    });

    it('passes over a source naming no supported language to the next one', () => {
      expect(localeResolution.requested({ lang: 'xx', xLocale: 'de-CH' })).toBe('de');
      expect(localeResolution.requested({ xLocale: 'tlh', acceptLanguage: 'es-MX' })).toBe('es');
      expect(localeResolution.requested({ lang: 'xx', acceptLanguage: 'xx, *' })).toBeUndefined();
    });

    it('names nothing when the request names nothing', () => {
      expect(localeResolution.requested({})).toBeUndefined();
      expect(localeResolution.requested({ acceptLanguage: '' })).toBeUndefined();
    });

    it('honours Accept-Language q-values, ties in the order sent, and q=0 as a refusal', () => {
      expect(localeResolution.requested({ acceptLanguage: 'fr;q=0.5, de;q=0.9, en;q=0.1' })).toBe('de');
      expect(localeResolution.requested({ acceptLanguage: 'ja;q=0.8, es;q=0.8' })).toBe('ja');
      expect(localeResolution.requested({ acceptLanguage: 'fr;q=0, es;q=0.2' })).toBe('es');
      expect(localeResolution.requested({ acceptLanguage: 'fr-CA,fr;q=0.9,en-US;q=0.8,en;q=0.7' })).toBe('fr');
      expect(localeResolution.requested({ acceptLanguage: 'xx-YY, pt;q=0.9, de-AT;q=0.5' })).toBe('de');
      expect(localeResolution.requested({ acceptLanguage: 'es;Q=0.4, ja; q = 0.6' })).toBe('ja');
    });

    it('reads the first of repeated values and ignores what is not text', () => {
      expect(localeResolution.requested({ lang: ['de', 'fr'] })).toBe('de');
      expect(localeResolution.requested({ lang: { fr: '1' }, xLocale: 42, acceptLanguage: 'ja' })).toBe('ja');
    });
  });

  describe('ofRequest', () => {
    it('prefers what the request names, then the principal, then the default', () => {
      expect(localeResolution.ofRequest({ requested: 'fr', principal: 'de' }, 'en')).toBe('fr');
      expect(localeResolution.ofRequest({ principal: 'de-AT' }, 'en')).toBe('de');
      expect(localeResolution.ofRequest({ principal: 'xx' }, 'es')).toBe('es');
      expect(localeResolution.ofRequest({}, 'ja')).toBe('ja');
    });
  });

  describe('ofEnvironment', () => {
    it('prefers BITBUCKET_MCP_LOCALE, then the POSIX locale, then the default', () => {
      expect(localeResolution.ofEnvironment({ BITBUCKET_MCP_LOCALE: 'ja', LANG: 'fr_FR.UTF-8' }, 'en')).toBe('ja');
      expect(localeResolution.ofEnvironment({ LANG: 'fr_FR.UTF-8' }, 'en')).toBe('fr');
      expect(localeResolution.ofEnvironment({ LC_ALL: 'de_DE.UTF-8', LANG: 'fr_FR.UTF-8' }, 'en')).toBe('de');
      expect(localeResolution.ofEnvironment({ LC_MESSAGES: 'es_ES', LANG: 'fr_FR' }, 'en')).toBe('es');
      expect(localeResolution.ofEnvironment({ BITBUCKET_MCP_LOCALE: 'xx', LANG: 'fr_FR' }, 'en')).toBe('fr');
      expect(localeResolution.ofEnvironment({}, 'de')).toBe('de');
    });

    it('lets a set LC_ALL decide as POSIX does, C naming no language', () => {
      expect(localeResolution.ofEnvironment({ LANG: 'C' }, 'en')).toBe('en');
      expect(localeResolution.ofEnvironment({ LANG: 'POSIX' }, 'fr')).toBe('fr');
      expect(localeResolution.ofEnvironment({ LC_ALL: 'C.UTF-8', LANG: 'fr_FR.UTF-8' }, 'en')).toBe('en');
      expect(localeResolution.ofEnvironment({ LC_ALL: ' ', LANG: 'ja_JP.UTF-8' }, 'en')).toBe('ja');
    });
  });
});
