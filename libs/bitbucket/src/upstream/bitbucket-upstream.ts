import { RequestContext } from '@app/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import type { BitbucketEvents, UpstreamCallEvent } from '../bitbucket-events';
import type { BitbucketConfig } from '../bitbucket.config';
import { BitbucketException } from '../bitbucket.exception';
import type { OutboundCredentials } from '../credentials/outbound-credentials';
import { retryAfterMs, retryDelayMs } from '../resilience/retry-delay';
import { SingleFlight } from '../resilience/single-flight';
import { UpstreamBreaker } from '../resilience/upstream-breaker';
import { upstreamErrorDetail } from './upstream-error-detail';
import { upstreamRefusal } from './upstream-refusal';
import { UpstreamFailure } from './upstream-failure';
import { sendHttp } from './upstream-http';
import type { UpstreamQuery, UpstreamRequest } from './upstream-request';
import type { UpstreamResponse } from './upstream-response';

const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'bitbucket-mcp-server';
/** The headers of a request without a body, by what it accepts; Authorization is added per exchange. */
const BASE_HEADERS: Readonly<Record<'json' | 'text', Readonly<Record<string, string>>>> = {
  json: { Accept: 'application/json', 'User-Agent': USER_AGENT },
  text: { Accept: 'text/plain, */*', 'User-Agent': USER_AGENT },
};
const STATUS_CODES: Readonly<Record<number, BitbucketErrorCode>> = {
  400: BitbucketErrorCode.VALIDATION,
  401: BitbucketErrorCode.UNAUTHORIZED,
  403: BitbucketErrorCode.FORBIDDEN,
  404: BitbucketErrorCode.NOT_FOUND,
  405: BitbucketErrorCode.VALIDATION,
  409: BitbucketErrorCode.CONFLICT,
  410: BitbucketErrorCode.NOT_FOUND,
  412: BitbucketErrorCode.CONFLICT,
  422: BitbucketErrorCode.VALIDATION,
};

function appendQuery(url: URL, query: UpstreamQuery | undefined): void {
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) url.searchParams.append(name, item);
    else url.searchParams.set(name, String(value));
  }
}

/** What every attempt of one request sends, prepared once: the absolute URL, the headers but Authorization, the body. */
interface Outgoing {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/**
 * Every call to Bitbucket goes through here: outbound credentials (one refresh-and-retry on a 401 for
 * an expired OAuth token), de-duplication of identical concurrent GETs, retries of GETs with backoff
 * and Retry-After, the circuit breaker, and the mapping of every failure onto a BitbucketException.
 */
export class BitbucketUpstream {
  private readonly breaker: UpstreamBreaker;
  private readonly flights = new SingleFlight<UpstreamResponse>();
  private readonly apiRoot: URL;

  constructor(
    private readonly config: BitbucketConfig,
    private readonly credentials: OutboundCredentials,
    private readonly dispatcher: Dispatcher,
    private readonly events: BitbucketEvents,
  ) {
    this.apiRoot = new URL(`${config.baseUrl}/`);
    this.breaker = new UpstreamBreaker(this.apiRoot.origin, config.breaker, events);
  }

  /** Ends the keep-alive connections (at shutdown). */
  async close(): Promise<void> {
    this.shutdown();
    await this.dispatcher.close();
  }

  get breakerState(): UpstreamBreaker['state'] {
    return this.breaker.state;
  }

  /**
   * The absolute URL of a request: paths are resolved below the API root; an absolute URL (a link
   * Bitbucket gave) must be below it too, so credentials never leave the API it names.
   */
  url(request: Pick<UpstreamRequest, 'path' | 'query'>): URL {
    const url = /^https?:\/\//.test(request.path)
      ? new URL(request.path)
      : new URL(request.path.replace(/^\/+/, ''), this.apiRoot);
    if (!this.isBelowApiRoot(url)) {
      throw new BitbucketException(BitbucketErrorCode.FOREIGN_LINK, `Refusing to follow a link outside the API root`);
    }
    appendQuery(url, request.query);
    return url;
  }

  /** A link Bitbucket gave (a page's `next`) as its path and query below the API root: what a cursor carries. */
  belowApiRoot(link: string): string {
    return this.url({ path: link }).href.slice(this.apiRoot.href.length);
  }

  async send(request: UpstreamRequest, signal?: AbortSignal): Promise<UpstreamResponse> {
    try {
      const outgoing = this.outgoing(request);
      if (request.method !== 'GET') return this.checked(await this.withCredentials(request, outgoing, signal));
      const key = `${this.credentials.id} ${request.accept ?? 'json'} ${outgoing.url.href}`;
      return this.checked(
        await this.flights.run(key, signal, async (shared) => this.withRetries(request, outgoing, shared)),
      );
    } catch (error) {
      throw this.toException(request, error);
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private outgoing(request: UpstreamRequest): Outgoing {
    const url = this.url(request);
    const headers = BASE_HEADERS[request.accept ?? 'json'];
    return request.json === undefined
      ? { url, headers, body: undefined }
      : { url, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(request.json) };
  }

  private async withRetries(
    request: UpstreamRequest,
    outgoing: Outgoing,
    signal: AbortSignal,
  ): Promise<UpstreamResponse> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.withCredentials(request, outgoing, signal);
      } catch (error) {
        if (!(error instanceof UpstreamFailure) || !error.retryable || attempt >= this.config.retry.maxRetries)
          throw error;
        const told = retryAfterMs(error.response);
        // A Retry-After longer than we are willing to wait fails the call now, with that advice.
        if (told !== undefined && told > this.config.retry.maxDelayMs) throw error;
        const delayMs = retryDelayMs(attempt, this.config.retry, error.response);
        this.events.emit('retry', {
          method: request.method,
          route: request.route,
          attempt: attempt + 1,
          reason: error.kind === 'status' ? (error.response?.status ?? 0) : error.kind,
          delayMs,
        });
        try {
          await sleep(delayMs, undefined, { signal });
        } catch {
          throw new UpstreamFailure('cancelled', 'the caller cancelled the request');
        }
      }
    }
  }

  /** One logical attempt; a 401 answered to an expired OAuth token gets exactly one refresh and resend. */
  private async withCredentials(
    request: UpstreamRequest,
    outgoing: Outgoing,
    signal?: AbortSignal,
  ): Promise<UpstreamResponse> {
    const response = await this.guarded(request, outgoing, signal);
    if (response.status !== 401 || !this.credentials.refreshable) return response;
    this.credentials.invalidate();
    this.events.emit('token-refresh', { reason: 'rejected' });
    return this.guarded(request, outgoing, signal);
  }

  /** One exchange through the breaker; a call the open breaker refuses at once is a `rejected` call. */
  private async guarded(request: UpstreamRequest, outgoing: Outgoing, signal?: AbortSignal): Promise<UpstreamResponse> {
    const started = performance.now();
    return this.breaker.run(
      async () => this.exchange(request, outgoing, signal),
      () => {
        this.called(request, 'rejected', started);
      },
    );
  }

  /** One HTTP exchange, reported as a `call` event; 5xx and 429 fail, so the breaker counts them. */
  private async exchange(
    request: UpstreamRequest,
    outgoing: Outgoing,
    signal?: AbortSignal,
  ): Promise<UpstreamResponse> {
    const started = performance.now();
    let response: UpstreamResponse;
    try {
      response = await this.followRedirects(request, outgoing, signal);
    } catch (error) {
      if (error instanceof UpstreamFailure && error.kind !== 'status') this.called(request, error.kind, started);
      throw error;
    }
    this.called(request, response.status, started);
    if (response.status >= 500 || response.status === 429) {
      throw new UpstreamFailure('status', `Bitbucket answered ${response.status}`, response);
    }
    return response;
  }

  /** Sends the request, following a GET's redirects below the API root (credentials never leave it). */
  private async followRedirects(
    request: UpstreamRequest,
    outgoing: Outgoing,
    signal: AbortSignal | undefined,
  ): Promise<UpstreamResponse> {
    const authorization = await this.credentials.authorization(signal);
    const headers =
      authorization === undefined ? outgoing.headers : { ...outgoing.headers, Authorization: authorization };
    // The caller's W3C trace, a new hop for each request sent. Identical concurrent GETs share one
    // exchange (SingleFlight): it carries the trace of the call that started it.
    const trace = RequestContext.current()?.traceContext;
    let target = outgoing.url;
    for (let redirects = 0; ; redirects += 1) {
      const response = await sendHttp(this.dispatcher, {
        method: request.method,
        url: target.href,
        headers: trace === undefined ? headers : { ...headers, ...trace.outboundHeaders() },
        body: outgoing.body,
        timeoutMs: this.config.http.timeoutMs,
        signal,
      });
      const location = response.header('location');
      if (request.method !== 'GET' || !REDIRECT_STATUSES.has(response.status) || location === undefined) {
        return response;
      }
      if (redirects >= MAX_REDIRECTS) throw new UpstreamFailure('network', 'too many redirects');
      target = new URL(location, target);
      if (!this.isBelowApiRoot(target)) {
        throw new UpstreamFailure('network', `redirect outside the API root (${target.origin}${target.pathname})`);
      }
    }
  }

  private isBelowApiRoot(url: URL): boolean {
    return url.origin === this.apiRoot.origin && url.pathname.startsWith(this.apiRoot.pathname);
  }

  private called(request: UpstreamRequest, outcome: UpstreamCallEvent['outcome'], started: number): void {
    this.events.emit('call', {
      method: request.method,
      route: request.route,
      outcome,
      durationMs: performance.now() - started,
    });
  }

  /** 2xx/3xx pass; every 4xx becomes its BitbucketException (5xx and 429 arrive as failures instead). */
  private checked(response: UpstreamResponse): UpstreamResponse {
    if (response.status < 400) return response;
    throw new UpstreamFailure('status', `Bitbucket answered ${response.status}`, response);
  }

  private toException(request: UpstreamRequest, error: unknown): BitbucketException {
    if (error instanceof BitbucketException) return error;
    // The route already starts with the method (`GET /repositories/{workspace}`).
    const where = request.route;
    if (!(error instanceof UpstreamFailure)) {
      return new BitbucketException(BitbucketErrorCode.UPSTREAM_ERROR, `${where}: unexpected failure`, {
        cause: error,
      });
    }
    switch (error.kind) {
      case 'cancelled':
        return new BitbucketException(BitbucketErrorCode.CANCELLED, `${where}: cancelled by the caller`);
      case 'timeout':
        return new BitbucketException(BitbucketErrorCode.UPSTREAM_TIMEOUT, `${where}: ${error.message}`, {
          params: { timeoutMs: this.config.http.timeoutMs },
        });
      case 'network':
      case 'tls':
      case 'too-large':
        return new BitbucketException(BitbucketErrorCode.UPSTREAM_UNAVAILABLE, `${where}: ${error.message}`, {
          params: { retryAfterSeconds: 0 },
        });
      case 'status':
        return this.statusException(request, error.response);
    }
  }

  private statusException(request: UpstreamRequest, response: UpstreamResponse | undefined): BitbucketException {
    const where = request.route;
    const status = response?.status ?? 0;
    if (status === 429) {
      const seconds = Math.max(1, Math.ceil((retryAfterMs(response) ?? this.config.retry.maxDelayMs) / 1000));
      return new BitbucketException(BitbucketErrorCode.RATE_LIMITED, `${where}: rate limited by Bitbucket`, {
        params: { retryAfterSeconds: seconds },
        retryAfterSeconds: seconds,
      });
    }
    if (status >= 500) {
      return new BitbucketException(BitbucketErrorCode.UPSTREAM_ERROR, `${where}: Bitbucket answered ${status}`, {
        params: { status },
      });
    }
    // Data Center answers 401 to a signed-in user who may not do this: it names them in X-AUSERNAME.
    const signedIn = status === 401 && response?.header('x-ausername') !== undefined;
    const code = signedIn ? BitbucketErrorCode.FORBIDDEN : (STATUS_CODES[status] ?? BitbucketErrorCode.VALIDATION);
    const detail = response === undefined ? '' : upstreamErrorDetail(response);
    const refusal = upstreamRefusal(request, response, code);
    return new BitbucketException(code, `${where}: Bitbucket answered ${status}${detail === '' ? '' : `: ${detail}`}`, {
      messageKey: refusal.messageKey,
      params: { status, detail: '', ...refusal.params },
    });
  }
}
