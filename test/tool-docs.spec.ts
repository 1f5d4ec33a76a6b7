import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadToolCatalogue } from '../scripts/load-tool-catalogue';
import { renderToolReference } from '../scripts/render-tool-reference';

describe('tool reference', () => {
  it('docs/tools.md is what the tool registries generate (run `npm run docs:tools` after changing a tool)', async () => {
    const written = readFileSync(join(__dirname, '..', 'docs', 'tools.md'), 'utf8');

    expect(written).toBe(renderToolReference(await loadToolCatalogue()));
  });
});
