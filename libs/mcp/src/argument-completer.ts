/**
 * Suggests values for one argument of a prompt or a resource template (MCP completion/complete):
 * those matching what the user has typed so far (`value`), given the arguments already chosen
 * (`context`, e.g. the workspace when completing a repository). It may throw: the caller answers an
 * empty list then.
 */
export type ArgumentCompleter = (
  value: string,
  context: Readonly<Record<string, string>>,
  signal: AbortSignal,
) => Promise<readonly string[]>;
