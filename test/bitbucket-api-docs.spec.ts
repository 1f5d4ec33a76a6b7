import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const DOC = 'docs/bitbucket-api.md';
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git', '.jest-cache', 'coverage']);
const TEXT_FILE = /\.(ts|js|mjs|cjs|json|md|ya?ml|sh)$/;
/** The research notes outside the repository that comments once cited (written escaped so this file does not match). */
const NOTES_CITATION = 'NOTES \u00a7';
const DOC_LINK = /docs\/bitbucket-api\.md#([a-z0-9-]+)/g;

function* textFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) yield* textFiles(join(directory, entry.name));
    } else if (TEXT_FILE.test(entry.name)) {
      yield join(directory, entry.name);
    }
  }
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const headings = markdown.split('\n').flatMap((line) => /^#{1,6} (.+)$/.exec(line)?.[1] ?? []);
  return new Set(
    headings.map((heading) =>
      heading
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe(DOC, () => {
  const doc = readFileSync(join(ROOT, DOC), 'utf8');
  const anchors = anchorsOf(doc);
  const files = [...textFiles(ROOT)].map((file) => ({ path: relative(ROOT, file), text: readFileSync(file, 'utf8') }));

  it('is what comments cite for Bitbucket facts, not notes outside the repository', () => {
    expect(files.filter((file) => file.text.includes(NOTES_CITATION)).map((file) => file.path)).toEqual([]);
  });

  it('has every anchor a file points at', () => {
    const broken = files.flatMap((file) =>
      [...file.text.matchAll(DOC_LINK)]
        .filter(([, anchor]) => !anchors.has(anchor ?? ''))
        .map(([link]) => `${file.path}: ${link}`),
    );
    expect(broken).toEqual([]);
  });

  it('links only to its own sections', () => {
    const inPage = [...doc.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map(([, anchor]) => anchor ?? '');
    expect(inPage.filter((anchor) => !anchors.has(anchor))).toEqual([]);
    expect(inPage.length).toBeGreaterThan(0);
  });
});
