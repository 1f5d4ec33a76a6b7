import { RequestContext } from '@app/common';
import type { ToolCallEvent, ToolCallEvents, ToolCallRefusal } from '@app/mcp';
import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AuditLog } from './audit-log';
import type { AuditRecord } from './audit-record';
import { auditTarget } from './audit-target';

/** Who calls when nothing authenticates (the stdio server): the local user who started it. */
const LOCAL_PRINCIPAL = 'local';

type AuditFields = Omit<AuditRecord, 'log' | 'timestamp' | 'app' | 'principal' | 'traceId'> & {
  readonly principalId: string | undefined;
};

/**
 * The audit trail: one record per call of a tool that changes Bitbucket, whether it ran, failed or
 * was refused (invalid arguments, read-only server, not confirmed, over scope, over the write-tool
 * limit); reads leave none. Records come from the ToolCallEvents the dispatcher and the transports
 * emit, synchronously, so the caller's trace id is still in the request context.
 */
export class AuditTrail implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private readonly onCall = (event: ToolCallEvent): void => {
    if (event.kind !== 'write' || event.tool === undefined) return;
    this.record({
      principalId: event.principalId,
      tool: event.tool,
      target: auditTarget(event.arguments),
      outcome: event.outcome,
      durationMs: Math.round(event.durationMs),
      correlationId: event.correlationId,
    });
  };
  private readonly onRefusal = (refusal: ToolCallRefusal): void => {
    if (refusal.kind !== 'write') return;
    const { principalId, tool, outcome, correlationId } = refusal;
    this.record({ principalId, tool, target: {}, outcome, correlationId });
  };

  constructor(
    private readonly events: ToolCallEvents,
    /** undefined when AUDIT_LOG_ENABLED is false. */
    private readonly log: AuditLog | undefined,
    private readonly app: string,
  ) {}

  onModuleInit(): void {
    if (this.log === undefined) return;
    this.events.on('tool-call', this.onCall);
    this.events.on('tool-call-refused', this.onRefusal);
  }

  async onApplicationShutdown(): Promise<void> {
    this.events.off('tool-call', this.onCall);
    this.events.off('tool-call-refused', this.onRefusal);
    await this.log?.close();
  }

  private record({ principalId, ...fields }: AuditFields): void {
    const traceId = RequestContext.traceId();
    try {
      this.log?.write({
        log: 'audit',
        timestamp: new Date().toISOString(),
        app: this.app,
        principal: principalId ?? LOCAL_PRINCIPAL,
        ...fields,
        ...(traceId === undefined ? {} : { traceId }),
      });
    } catch (error) {
      // The call itself has been answered; a failing audit write must not turn it into an error.
      this.logger.error({
        message: 'Audit record not written',
        correlationId: fields.correlationId,
        error: String(error),
      });
    }
  }
}
