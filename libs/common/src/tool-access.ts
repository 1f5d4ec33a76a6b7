/** Tools either only read Bitbucket or change it; each kind needs its own grant (scope). */
export type ToolKind = 'read' | 'write';

/**
 * What the authenticated principal may call, as the auth lib decided from its credential. Transports
 * ask it before dispatching a tool call; the refusal it throws carries the challenge clients act on.
 */
export interface ToolAccess {
  /** Throws the principal's refusal (403 insufficient_scope) when it may not call tools of `kind`. */
  require(kind: ToolKind): void;
}
