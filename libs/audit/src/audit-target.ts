/**
 * The tool arguments that name what a call acts on (see libs/tools/src/shared/tool-arguments.ts and
 * each write tool's schema): where (workspace or project, repository), which pull request, branch,
 * tag, commit, comment, task, issue or pipeline. Only these reach the audit trail, never text a user
 * wrote (titles, descriptions, comments, messages) nor anything else. A tool that gives one of these
 * names to free text must rename it.
 */
const TARGET_ARGUMENTS: readonly string[] = [
  'workspace',
  'projectKey',
  'repo',
  'pullRequestId',
  'name',
  'ref',
  'commit',
  'startPoint',
  'target',
  'sourceBranch',
  'destinationBranch',
  'commentId',
  'parentId',
  'taskId',
  'id',
  'pipeline',
];
/** Identifiers are short (git refs at most 250 characters); anything longer is not one. */
const MAX_IDENTIFIER_LENGTH = 250;

/** The identifiers among a call's accepted arguments; empty when they were refused or never read. */
export function auditTarget(args: Readonly<Record<string, unknown>> | undefined): Record<string, string | number> {
  const target: Record<string, string | number> = {};
  if (args === undefined) return target;
  for (const name of TARGET_ARGUMENTS) {
    const value = args[name];
    if ((typeof value === 'string' && value.length <= MAX_IDENTIFIER_LENGTH) || Number.isFinite(value))
      target[name] = value as string | number;
  }
  return target;
}
