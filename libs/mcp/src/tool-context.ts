import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/** What a running tool may use: cancellation, progress, logs to the client, the caller's language. */
export interface ToolContext {
  /** Aborted on `notifications/cancelled` (never on a mere dropped connection) and at the deadline. */
  readonly signal: AbortSignal;
  /**
   * When the call is stopped (epoch ms, MCP_TOOL_TIMEOUT_MS after it started): the signal aborts and
   * the call answers TOOL_TIMEOUT. A tool that waits by design returns what it has before then.
   */
  readonly deadline: number;
  readonly locale: string;
  readonly correlationId: string;
  /** Characters of text the tool may return (MCP_RESPONSE_BUDGET_CHARS). */
  readonly budgetChars: number;
  /** `notifications/progress`, when the client asked for it with a progressToken; a no-op otherwise. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** `notifications/message`, filtered by the client's `logging/setLevel`. */
  log(level: LoggingLevel, message: string): Promise<void>;
  /** A catalogue message in the session's language (`tools.MORE_ITEMS`…). */
  t(key: string, params?: Readonly<Record<string, string | number>>): string;
}
