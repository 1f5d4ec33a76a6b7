import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadToolCatalogue } from './load-tool-catalogue';
import { renderToolReference } from './render-tool-reference';

// Run from dist/scripts by `npm run docs:tools`; writes into the repository root.
const root = join(__dirname, '..', '..');
void loadToolCatalogue().then((catalogue) => {
  writeFileSync(join(root, 'docs', 'tools.md'), renderToolReference(catalogue));
  process.stdout.write('Wrote docs/tools.md\n');
});
