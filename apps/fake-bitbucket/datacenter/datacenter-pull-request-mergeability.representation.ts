/** RestPullRequestMergeability: whether a merge would go through now, and why not. */
export function datacenterPullRequestMergeability(
  preview: { readonly conflicts: readonly string[] },
  vetoes: readonly { readonly summaryMessage: string; readonly detailedMessage: string }[],
): Record<string, unknown> {
  const conflicted = preview.conflicts.length > 0;
  return {
    canMerge: !conflicted && vetoes.length === 0,
    conflicted,
    outcome: conflicted ? 'CONFLICTED' : 'CLEAN',
    vetoes,
  };
}
