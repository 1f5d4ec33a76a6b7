/**
 * A request that names Bitbucket resources: a tool with its arguments, a prompt with its arguments, or a
 * resource read with its URI template's variables as arguments. `tool` is the tool's name, `prompt <name>`
 * or `resource <template name>`.
 */
export interface NamedCall {
  readonly tool: string;
  readonly args: unknown;
}
