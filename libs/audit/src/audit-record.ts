/** One line of the audit trail: a call of a tool that changes Bitbucket, and how it ended. */
export interface AuditRecord {
  /** Always `audit`: tells the line apart where it shares the console with the application log. */
  readonly log: 'audit';
  readonly timestamp: string;
  readonly app: string;
  /** `<method>:<id>` of the authenticated caller; `local` for the stdio server (no authentication). */
  readonly principal: string;
  readonly tool: string;
  /** What the call named, by argument name (workspace, repo, pullRequestId, name…): identifiers only. */
  readonly target: Readonly<Record<string, string | number>>;
  /** `OK`, or the error code the call was answered or refused with. */
  readonly outcome: string;
  /** How long the call took; absent when a transport refused it before it ran. */
  readonly durationMs?: number;
  readonly correlationId: string;
  /** The W3C trace id of the caller's traceparent, when it sent one. */
  readonly traceId?: string;
}
