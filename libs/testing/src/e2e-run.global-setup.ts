import { TestRun } from './test-run';

/** Jest globalSetup of the e2e project: one directory for the logs and secrets of the whole run. */
export default function startE2eRun(): void {
  TestRun.start();
}
