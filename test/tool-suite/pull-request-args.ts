import type { ToolCaseEnv } from './tool-case';

/** The arguments naming payments-api's pull request `pullRequestId`, with any others a tool takes. */
export function pullRequestArgs(
  env: ToolCaseEnv,
  pullRequestId: number,
  args: Record<string, unknown> = {},
): Record<string, unknown> {
  return { workspace: env.workspace, repo: 'payments-api', pullRequestId, ...args };
}
