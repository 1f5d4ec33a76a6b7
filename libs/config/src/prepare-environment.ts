import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { ConfigNamespace } from './config-namespace';
import { InvalidEnvironmentError } from './invalid-environment.error';
import { validateEnvironment } from './validate-environment';

/**
 * Loads `./.env` beneath the real environment (real variables win), then validates every namespace
 * the app uses. On a bad environment it prints one readable message and exits 1: no stack trace,
 * because the operator's fix is in the message.
 */
export function prepareEnvironment(definitions: readonly ConfigNamespace[]): void {
  const dotEnv = join(process.cwd(), '.env');
  if (existsSync(dotEnv)) {
    for (const [name, value] of Object.entries(parseEnv(readFileSync(dotEnv, 'utf8')))) {
      process.env[name] ??= value;
    }
  }
  try {
    validateEnvironment(definitions, process.env);
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
