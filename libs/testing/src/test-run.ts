import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the e2e run keeps what every spawned server wrote; set by the e2e global setup, read by its workers. */
const RUN_DIRECTORY_VARIABLE = 'BITBUCKET_MCP_E2E_RUN_DIR';
const SECRETS_FILE = 'secrets.jsonl';
const LOGS = 'logs';
/** Shorter values would match ordinary text; no credential a test uses is that short. */
const MIN_SECRET_LENGTH = 8;

/**
 * One e2e run (`jest --selectProjects e2e`): a directory holding the logs of every server it spawns
 * (`logs/<app>-<random>/`, each server's LOG_DIR) and the secrets the tests handed out or received
 * (`secrets.jsonl`, appended by every Jest worker), so that the global teardown can prove no secret
 * reached a log or audit file. Outside a run (a script), logs go to a temporary directory and
 * secrets are not collected.
 */
export class TestRun {
  /** Creates the run directory and publishes it to the workers Jest starts afterwards. */
  static start(): string {
    const directory = mkdtempSync(join(tmpdir(), 'bitbucket-mcp-e2e-'));
    mkdirSync(join(directory, LOGS));
    process.env[RUN_DIRECTORY_VARIABLE] = directory;
    return directory;
  }

  static get directory(): string | undefined {
    return process.env[RUN_DIRECTORY_VARIABLE];
  }

  static logsDirectory(directory: string): string {
    return join(directory, LOGS);
  }

  /** A fresh directory for one spawned app's LOG_DIR. */
  static logDirectory(app: string): string {
    const run = TestRun.directory;
    const parent = run === undefined ? tmpdir() : TestRun.logsDirectory(run);
    return mkdtempSync(join(parent, `${app.replace(/[^A-Za-z0-9-]+/g, '-')}-`));
  }

  /** Records credentials a test uses, so the end of the run can look for them in every log. */
  static registerSecrets(...values: (string | undefined)[]): void {
    const run = TestRun.directory;
    if (run === undefined) return;
    const lines = values
      .filter((value): value is string => value !== undefined && value.length >= MIN_SECRET_LENGTH)
      .map((value) => `${JSON.stringify(value)}\n`);
    // One small append per call: atomic between the Jest workers writing the same file.
    if (lines.length > 0) appendFileSync(join(run, SECRETS_FILE), lines.join(''));
  }

  static secrets(directory: string): string[] {
    const file = join(directory, SECRETS_FILE);
    if (!existsSync(file)) return [];
    const lines = readFileSync(file, 'utf8').split('\n');
    return [...new Set(lines.filter((line) => line !== '').map((line) => JSON.parse(line) as string))];
  }
}
