import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishSentencesIn } from './english-sentences';
import { REPO_ROOT } from './repo-root';

const catalogue = (lang: string, file: string): Record<string, string> =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'i18n', lang, `${file}.json`), 'utf8')) as Record<string, string>;

describe('englishSentencesIn', () => {
  it('finds the English catalogue in a message, its placeholders filled', () => {
    const message = catalogue('en', 'errors').BITBUCKET_NOT_FOUND_PULL_REQUEST?.replace('{repository}', 'acme/api');
    expect(englishSentencesIn(message?.replace('{id}', '7') ?? '')).not.toEqual([]);
  });

  it("finds Bitbucket's own English quoted inside a French message", () => {
    const french = `${catalogue('fr', 'errors').BITBUCKET_NOT_FOUND ?? ''} You may not have access to this repository`;
    expect(englishSentencesIn(french)).toContain('You may not have access to this repository');
  });

  it('finds English the catalogues do not hold', () => {
    expect(englishSentencesIn('Échec : the pipeline was stopped before it could finish.')).toHaveLength(1);
  });

  it('finds nothing in the French catalogue', () => {
    for (const file of ['errors', 'tools', 'validation', 'confirm', 'mcp']) {
      const messages = JSON.stringify(catalogue('fr', file), null, 1).split('\n');
      for (const message of messages) expect([message, englishSentencesIn(message)]).toEqual([message, []]);
    }
  });
});
