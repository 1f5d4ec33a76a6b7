import { environmentSecrets } from './environment-secrets';
import { TestRun } from './test-run';

/**
 * The environment of a process a test spawns (an app, a fixture script, a stdio server an MCP client
 * launches): its LOG_DIR in the e2e run's directory unless the test chose one, and its credentials
 * registered, so the end of the run can prove none of them reached a log.
 */
export function spawnEnvironment(name: string, env: Record<string, string>): Record<string, string> {
  TestRun.registerSecrets(...environmentSecrets(env));
  return { LOG_DIR: TestRun.logDirectory(name), ...env };
}
