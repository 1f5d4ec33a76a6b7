import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  readonly correlationId: string;
  locale?: string;
  principalId?: string;
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

  static correlationId(): string | undefined {
    return RequestContext.storage.getStore()?.correlationId;
  }
}
