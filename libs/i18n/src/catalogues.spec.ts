import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { I18nJsonLoader } from 'nestjs-i18n';
import { catalogueLoaderOptions } from './catalogue-loader-options';
import { CATALOGUE_PATH } from './catalogue-path';
import { SUPPORTED_LOCALES } from './supported-locales';

type Catalogue = Readonly<Record<string, unknown>>;

/** The catalogues of `lang`, by file; other files there (a translator's glossary.md) are notes, not catalogues. */
const cataloguesOf = (lang: string): Record<string, Catalogue> =>
  Object.fromEntries(
    readdirSync(join(CATALOGUE_PATH, lang))
      .filter((file) => extname(file) === '.json')
      .sort()
      .map((file) => [file, JSON.parse(readFileSync(join(CATALOGUE_PATH, lang, file), 'utf8')) as Catalogue]),
  );

/** `{name}` placeholders as nestjs-i18n's formatter reads them: `{{` and `}}` are a literal brace. */
const placeholdersOf = (message: string): string[] =>
  [...new Set([...message.replace(/\{\{|\}\}/g, '').matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? ''))].sort();

/** The messages of a catalogue by key; a nested object's keys read `outer.inner`, as nestjs-i18n looks them up. */
const messagesOf = (catalogue: Catalogue, prefix = ''): [string, string][] =>
  Object.entries(catalogue).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : messagesOf(value as Catalogue, `${prefix}${key}.`),
  );

/** Every message of every file of `lang`, as `file: key`, with its placeholders. */
const shapeOf = (lang: string): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(cataloguesOf(lang)).flatMap(([file, catalogue]) =>
      messagesOf(catalogue).map(([key, message]) => [`${file}: ${key}`, placeholdersOf(message)]),
    ),
  );

describe('i18n catalogues', () => {
  const english = shapeOf('en');

  it('ship exactly the supported locales', () => {
    const folders = readdirSync(CATALOGUE_PATH, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((folder) => folder.name).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it.each(SUPPORTED_LOCALES.filter((lang) => lang !== 'en'))(
    '%s translates every English key in the same files, and nothing else',
    (lang) => {
      expect(Object.keys(shapeOf(lang)).sort()).toEqual(Object.keys(english).sort());
    },
  );

  it.each(SUPPORTED_LOCALES.filter((lang) => lang !== 'en'))(
    '%s uses the placeholders English uses in each message, no other',
    (lang) => {
      const translated = shapeOf(lang);
      const differing = Object.keys(english).filter(
        (key) => translated[key] !== undefined && translated[key].join() !== english[key]?.join(),
      );
      expect(differing.map((key) => `${key}: ${english[key]?.join()} / ${translated[key]?.join()}`)).toEqual([]);
    },
  );

  it('are loaded from the JSON files only: notes beside them are left alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'catalogues-'));
    try {
      mkdirSync(join(root, 'en'));
      writeFileSync(join(root, 'en', 'errors.json'), JSON.stringify({ NOT_FOUND: 'Not found.' }));
      writeFileSync(join(root, 'en', 'glossary.md'), '# Glossary\n\n| en | fr |\n');
      const loaded = await new I18nJsonLoader(catalogueLoaderOptions(root)).load();
      expect(loaded).toEqual({ en: { errors: { NOT_FOUND: 'Not found.' } } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
