import type { ToolKind } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** `OK`, or the error code the call was answered with (TOOL_INVALID_ARGUMENTS, BITBUCKET_NOT_FOUND…). */
export type ToolCallOutcome = 'OK' | (string & {});

export interface ToolCallEvent {
  /** The registered tool's name; undefined when the client named a tool this server does not have. */
  readonly tool: string | undefined;
  /** Whether the tool only reads Bitbucket; undefined for an unknown tool. */
  readonly kind: ToolKind | undefined;
  readonly outcome: ToolCallOutcome;
  readonly durationMs: number;
  readonly correlationId: string;
  /** `<method>:<id>` of the caller; undefined where nothing authenticates (stdio). */
  readonly principalId: string | undefined;
  /** The arguments as the tool's schema accepted them; undefined when they were refused or never read. */
  readonly arguments: Readonly<Record<string, unknown>> | undefined;
}

/** A tools/call of a known tool that a transport refused before dispatching it: its arguments were never read. */
export interface ToolCallRefusal {
  readonly tool: string;
  readonly kind: ToolKind;
  /** The refusal's error code (AUTH_INSUFFICIENT_SCOPE, RATE_LIMITED…). */
  readonly outcome: string;
  readonly correlationId: string;
  readonly principalId: string | undefined;
}

interface ToolCallEventMap {
  'tool-call': [ToolCallEvent];
  'tool-call-refused': [ToolCallRefusal];
}

/**
 * Every answered tools/call, as an event: which tool, how it ended, how long it took, who asked and
 * what for ('tool-call', from the dispatcher); and every call an HTTP transport refused before the
 * dispatcher saw it ('tool-call-refused': over scope, over the write-tool limit). Metrics and the
 * audit trail listen; neither the dispatcher nor the transports depend on them.
 */
@Injectable()
export class ToolCallEvents extends EventEmitter<ToolCallEventMap> {}
