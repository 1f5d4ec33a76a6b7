import type { BbRepositoryRef } from '@app/bitbucket';
import { toolArguments } from './tool-arguments';

/** The arguments naming one pull request, shared by every pull request and review tool. */
export const pullRequestArguments = {
  workspace: toolArguments.workspace,
  repo: toolArguments.repo,
  pullRequestId: toolArguments.pullRequestId,
};

/** The gateway's repository reference from a tool's `workspace` and `repo` arguments. */
export function repositoryRef(args: { workspace: string; repo: string }): BbRepositoryRef {
  return { workspace: args.workspace, repo: args.repo };
}
