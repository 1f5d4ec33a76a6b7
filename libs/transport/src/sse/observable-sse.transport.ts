import { cancelledRequestId, isRequestMessage, isResponseMessage } from '@app/mcp';
import type { MessageEvent } from '@nestjs/common';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { concat, interval, map, merge, Observable, of, Subject, takeUntil } from 'rxjs';

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05) as an MCP Transport whose outgoing side is an
 * Observable for Nest's @Sse(): first the `endpoint` event, then one `message` event per JSON-RPC
 * message, with keep-alive comments between them. Incoming messages arrive through receive(), fed
 * by POST /messages.
 */
export class ObservableSseTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;

  private readonly outgoing = new Subject<MessageEvent>();
  private readonly ended = new Subject<void>();
  private closed = false;
  /** Requests received and not yet answered (nor cancelled by the client). */
  private readonly pending = new Set<RequestId>();

  constructor(
    readonly sessionId: string,
    private readonly endpoint: string,
    private readonly keepAliveMs: number,
  ) {}

  /** What the @Sse() handler returns; unsubscribing (client gone) closes the transport. */
  events(): Observable<MessageEvent> {
    const keepAlive = interval(this.keepAliveMs).pipe(
      map((): MessageEvent => ({ comment: 'keep-alive', data: undefined })),
    );
    return new Observable<MessageEvent>((subscriber) => {
      const subscription = concat(
        of<MessageEvent>({ type: 'endpoint', data: this.endpoint }),
        merge(this.outgoing, keepAlive).pipe(takeUntil(this.ended)),
      ).subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        void this.close();
      };
    });
  }

  async start(): Promise<void> {
    return Promise.resolve();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (isResponseMessage(message) && message.id !== undefined) {
      this.pending.delete(message.id);
    }
    if (!this.closed) this.outgoing.next({ type: 'message', data: JSON.stringify(message) });
    return Promise.resolve();
  }

  receive(message: JSONRPCMessage, extra: MessageExtraInfo): void {
    if (isRequestMessage(message)) this.pending.add(message.id);
    // A cancelled request is answered by nothing: its id is free again.
    const cancelled = cancelledRequestId(message);
    if (cancelled !== undefined) this.pending.delete(cancelled);
    this.onmessage?.(message, extra);
  }

  /** Whether a request with this id was received and is still to be answered. */
  inFlight(id: RequestId): boolean {
    return this.pending.has(id);
  }

  /** Ends the stream after telling the client how soon to reconnect. */
  end(retryMs: number): void {
    this.outgoing.next({ retry: retryMs, comment: 'closing: reconnect', data: undefined });
    this.ended.next();
  }

  async close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.pending.clear();
    this.ended.next();
    this.outgoing.complete();
    this.onclose?.();
    return Promise.resolve();
  }
}
