import type { AuthFailureCounter } from './auth-failure-counter';
import type { ToolAccess } from './tool-access';
import type { ToolCallLimit } from './tool-call-limit';
import type { TraceContext } from './trace-context';
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  readonly correlationId: string;
  /**
   * The language the request itself names (`lang` query parameter, X-Locale, Accept-Language), when it
   * names one with a catalogue: it wins over every other source, an MCP session's language included.
   */
  requestedLocale?: string;
  /** The language the authenticated principal's credential names (its `locale` claim), as given. */
  principalLocale?: string;
  /** `<method>:<id>` of the authenticated principal (sessions belong to it). */
  principalId?: string;
  /** Whether the principal may call read and write tools; undefined where nothing authenticates (stdio). */
  toolAccess?: ToolAccess;
  /** When the principal's credential stops being valid (epoch ms); long streams end then. */
  credentialExpiresAt?: number;
  /** Where authentication counts a refused credential; set by the rate limits before it runs. */
  authFailures?: AuthFailureCounter;
  /** How fast the principal may call tools; set by the rate limits after authentication. */
  toolCallLimit?: ToolCallLimit;
  /** The W3C trace the request belongs to, when it came with a valid `traceparent`. */
  readonly traceContext?: TraceContext;
}

/** Per-request data that logs, errors and outbound calls read without threading it through every call. */
export class RequestContext {
  private static readonly storage = new AsyncLocalStorage<RequestContextData>();

  static run<T>(data: RequestContextData, fn: () => T): T {
    return RequestContext.storage.run(data, fn);
  }

  static current(): RequestContextData | undefined {
    return RequestContext.storage.getStore();
  }

  /**
   * The context of the request being served, for what decides who the caller is or what it may do:
   * where there is none, nothing established the caller (a request path the correlation middleware
   * does not cover), and the decision refuses rather than passes. The plain Error is a 500 INTERNAL,
   * logged as a defect.
   */
  static required(purpose: string): RequestContextData {
    const data = RequestContext.storage.getStore();
    if (data === undefined) throw new Error(`No request context for ${purpose}: refused`);
    return data;
  }

  static correlationId(): string | undefined {
    return RequestContext.storage.getStore()?.correlationId;
  }

  static traceId(): string | undefined {
    return RequestContext.storage.getStore()?.traceContext?.traceId;
  }
}
