import { renderConfigurationReference, renderEnvExample } from '@app/config';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONFIG_NAMESPACES } from './all-config-namespaces';

// Run from dist/scripts by `npm run docs:config`; writes into the repository root.
const root = join(__dirname, '..', '..');
writeFileSync(join(root, 'docs', 'configuration.md'), renderConfigurationReference(ALL_CONFIG_NAMESPACES));
writeFileSync(join(root, '.env.example'), renderEnvExample(ALL_CONFIG_NAMESPACES));
process.stdout.write('Wrote docs/configuration.md and .env.example\n');
