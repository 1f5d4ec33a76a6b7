import { renderConfigurationReference, renderEnvExample } from '@app/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONFIG_NAMESPACES } from '../scripts/all-config-namespaces';

const root = join(__dirname, '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

describe('configuration reference and .env.example', () => {
  it('docs/configuration.md is what the schemas generate (run `npm run docs:config` after changing a schema)', () => {
    expect(read('docs/configuration.md')).toBe(renderConfigurationReference(ALL_CONFIG_NAMESPACES));
  });

  it('.env.example lists exactly the variables of the merged schemas', () => {
    const listed = read('.env.example')
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => line.slice(0, line.indexOf('=')));
    const declared = ALL_CONFIG_NAMESPACES.flatMap((namespace) => Object.keys(namespace.variables));

    expect(listed).toEqual(declared);
    expect(read('.env.example')).toBe(renderEnvExample(ALL_CONFIG_NAMESPACES));
  });
});
