import { readdirSync, rmSync } from 'node:fs';
import { findLeakedSecrets } from './leaked-secret.scanner';
import { TestRun } from './test-run';

/**
 * Jest globalTeardown of the e2e project: fails the run when any secret a test used appears in any
 * log or audit file a spawned server wrote; the directory is kept then, for reading, and removed
 * otherwise.
 */
export default function scanE2eRunForSecrets(): void {
  const directory = TestRun.directory;
  if (directory === undefined) return;
  const secrets = TestRun.secrets(directory);
  const logs = TestRun.logsDirectory(directory);
  const leaks = findLeakedSecrets(logs, secrets);
  if (leaks.length > 0) {
    throw new Error(
      `Secrets found in the logs of this e2e run (kept in ${directory}):\n${leaks
        .map(({ file, secret }) => `  ${file}: ${secret}`)
        .join('\n')}`,
    );
  }
  process.stderr.write(
    `No secret in the logs of this e2e run: ${secrets.length} secrets looked for in the files of ${readdirSync(logs).length} server(s).\n`,
  );
  rmSync(directory, { recursive: true, force: true });
}
