import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_PATH } from './catalogue-path';
import { SUPPORTED_LOCALES } from './supported-locales';

const keysOf = (lang: string): Record<string, string[]> =>
  Object.fromEntries(
    readdirSync(join(CATALOGUE_PATH, lang)).map((file) => [
      file,
      Object.keys(JSON.parse(readFileSync(join(CATALOGUE_PATH, lang, file), 'utf8')) as object).sort(),
    ]),
  );

describe('i18n catalogues', () => {
  it('ship exactly the supported locales', () => {
    expect(readdirSync(CATALOGUE_PATH).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it.each(SUPPORTED_LOCALES.filter((lang) => lang !== 'en'))(
    '%s translates every English key, and nothing else',
    (lang) => {
      expect(keysOf(lang)).toEqual(keysOf('en'));
    },
  );
});
