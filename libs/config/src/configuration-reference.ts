import type { ConfigNamespace } from './config-namespace';
import { readEnvVarMeta } from './env-var-meta.reader';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** docs/configuration.md, rendered from the schemas so the reference cannot drift from the code. */
export function renderConfigurationReference(definitions: readonly ConfigNamespace[]): string {
  const lines = [
    '# Configuration reference',
    '',
    '<!-- Generated from the config schemas by `npm run docs:config`; a test fails when it drifts. Do not edit by hand. -->',
    '',
    'Every setting is an environment variable. A `.env` file in the working directory is read too; real environment variables win over it.',
    'The server validates the whole environment before it starts: one bad value stops it with a message that lists every problem and what each variable expects.',
    'An empty value counts as unset. `.env.example` lists every variable with its default.',
    '',
  ];
  for (const definition of definitions) {
    lines.push(`## ${definition.title} (\`${definition.namespace}\`)`, '');
    lines.push('| Variable | Default | Expects | Description |', '|---|---|---|---|');
    for (const [name, schema] of Object.entries(definition.variables)) {
      const meta = readEnvVarMeta(schema);
      const fallback = meta.defaultValue === undefined ? '(unset)' : `\`${cell(meta.defaultValue) || ' '}\``;
      const secret = meta.secret === true ? ' Secret: never logged or echoed.' : '';
      const example = meta.example === undefined ? '' : ` Example: \`${cell(meta.example)}\`.`;
      lines.push(
        `| \`${name}\` | ${fallback} | ${cell(meta.expects)} | ${cell(meta.description)}${example}${secret} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
