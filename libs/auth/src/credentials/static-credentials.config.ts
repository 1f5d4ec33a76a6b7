import { defineConfig, env, type ConfigDefinition } from '@app/config';
import { existsSync, readFileSync } from 'node:fs';
import { parseStaticCredentials, type StaticCredentialEntry } from './static-credential-entry';

/** The inline value, else the file's content (Kubernetes secrets mounted as files). */
function inlineOrFile(inline: string | undefined, file: string | undefined): string {
  if (inline !== undefined) return inline;
  return file === undefined ? '' : readFileSync(file, 'utf8');
}

export interface StaticCredentialsConfig {
  readonly entries: StaticCredentialEntry[];
}

interface StaticCredentialsOptions {
  readonly namespace: string;
  readonly title: string;
  /** The variable holding the entries; `<variable>_FILE` names a file holding them instead. */
  readonly variable: string;
  readonly description: string;
  readonly fileDescription: string;
  readonly fileExample: string;
}

/** The config of a method taking static `principal:secret[scopes]` entries inline or from a file (bearer, apikey). */
export function defineStaticCredentialsConfig(
  options: StaticCredentialsOptions,
): ConfigDefinition<StaticCredentialsConfig> {
  const { variable } = options;
  const fileVariable = `${variable}_FILE`;
  return defineConfig({
    namespace: options.namespace,
    title: options.title,
    variables: {
      [variable]: env.string({ description: options.description, secret: true }),
      [fileVariable]: env.string({ description: options.fileDescription, example: options.fileExample }),
    },
    refine: (v, ctx) => {
      const inline = v[variable];
      const file = v[fileVariable];
      if (inline !== undefined && file !== undefined) {
        ctx.addIssue({ code: 'custom', path: [fileVariable], message: `set ${variable} or ${fileVariable}, not both` });
        return;
      }
      if (file !== undefined && !existsSync(file)) {
        ctx.addIssue({ code: 'custom', path: [fileVariable], message: `no such file: ${file}` });
        return;
      }
      const { invalid } = parseStaticCredentials(inlineOrFile(inline, file));
      if (invalid.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [file === undefined ? variable : fileVariable],
          message: `entries ${invalid.join(', ')} are not principal:secret (secret of 16+ characters, optional [scopes])`,
        });
      }
    },
    map: (v) => ({ entries: parseStaticCredentials(inlineOrFile(v[variable], v[fileVariable])).entries }),
  });
}
