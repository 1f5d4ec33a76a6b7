import type { FakeBitbucketProcess, FakeRequestRecord } from '@app/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SseReader } from '../../apps/mcp-http/test/sse-reader';
import { answerViolations } from './answer-violations';
import type { ExchangeOutcome } from './exchange-outcome';
import type { FuzzTally } from './fuzz-tally';
import type { FuzzTarget } from './fuzz-target';
import { internalErrors } from './internal-errors';
import { jsonRpcMessages } from './json-rpc-messages';
import { leakedStack } from './leaked-stack';
import type { McpCall } from './mcp-call';
import type { McpCatalogue } from './mcp-catalogue';
import type { NamedCall } from './named-call';
import { namedCalls } from './named-calls';
import { protocolBody } from './protocol-body';
import type { ProtocolExchange } from './protocol-exchange';
import type { RawRequest } from './raw-exchange';
import { strayUpstreamPaths } from './upstream-scope';
import type { Violation } from './violation';

/** Triggered pipelines finish within an exchange (wait_for_pipeline's waits are short too). */
const FAST_PIPELINES = { pipelinePendingMs: 0, pipelineStepMs: 50 };
/** How long the fake's log may show calls still in flight after an answer, and a legacy answer may take. */
const SETTLE_MS = 3_000;
const SHOWN_BODY_CHARS = 1_500;

/** The ids of the requests in a body, for which a legacy session streams answers. */
function requestIds(body: string): (string | number)[] {
  return jsonRpcMessages(body).flatMap((message) => {
    if (typeof message !== 'object' || message === null || !('method' in message) || !('id' in message)) return [];
    return typeof message.id === 'string' || typeof message.id === 'number' ? [message.id] : [];
  });
}

/**
 * Runs one exchange against a target and checks every property after it: the server still runs (else it is
 * restarted), no 5xx, no stack trace, no internal error, no batch a protocol version forbids, and every
 * upstream request the fake logged stays inside what the exchange named. The fake is reset after a write reached it.
 */
export class Fuzzer {
  private dirty = true;
  private nextId = 1;
  /** The fake's request log is read from after this sequence number: what came before belongs to earlier exchanges. */
  private seen = 0;
  /** What the previous exchange named: a tool may answer (failing early) before all its upstream calls went out. */
  private previous: readonly NamedCall[] = [];

  constructor(
    private readonly target: FuzzTarget,
    private readonly fake: FakeBitbucketProcess,
    private readonly catalogue: McpCatalogue,
    private readonly tally: FuzzTally,
    /** The Data Center user the server's credential authenticates. */
    private readonly caller: string,
  ) {}

  /** A tool call, prompt or resource read, well-formed, in the shared session. */
  async call(call: McpCall): Promise<ExchangeOutcome> {
    await this.prepareUpstream();
    const session = await this.target.sharedSession();
    const body = JSON.stringify({ jsonrpc: '2.0', id: this.nextId++, method: call.method, params: call.params });
    const request: RawRequest = { method: 'POST', path: '/mcp', headers: this.target.headers(session), body };
    const answer = await this.target.send(request);
    if (answer.status === 404) this.target.sessionLost();
    const [upstream, death] = await Promise.all([this.upstreamViolations(body), this.liveness()]);
    const violations = [...answerViolations(request, body, answer), ...upstream, ...death];
    return this.outcome(request, body, violations);
  }

  /** A raw protocol exchange, as generated. */
  async protocol(exchange: ProtocolExchange): Promise<ExchangeOutcome> {
    await this.prepareUpstream();
    // A DELETE carries no body: what the exchange describes is not sent, so nothing of it may be checked.
    const { wire, text } = exchange.endpoint === 'DELETE /mcp' ? { wire: '', text: '' } : protocolBody(exchange.body);
    const legacy = exchange.endpoint === 'POST /messages' ? await this.target.legacy() : undefined;
    const shared = legacy?.id ?? (await this.target.sharedSession());
    const session = await this.session(exchange, shared);
    const request = this.request(exchange, session, wire);
    const mark = legacy?.stream.text.length ?? 0;
    const answer = await this.target.send(request);
    if (legacy !== undefined && answer.status === 202) await this.legacyAnswers(legacy.stream, mark, text);
    const streamed = legacy?.stream.text.slice(mark) ?? '';
    const leak = leakedStack(streamed, text);
    const [upstream, death] = await Promise.all([this.upstreamViolations(text), this.liveness()]);
    const violations = [
      ...answerViolations(request, text, answer),
      ...(leak === undefined ? [] : [{ kind: 'leaked-stack' as const, detail: `${leak} on the SSE stream` }]),
      ...internalErrors(streamed),
      ...upstream,
      ...death,
    ];
    if (death.length === 0) await this.closeSessions(exchange, shared, session, answer.sessionId);
    return this.outcome(request, text, violations);
  }

  private async session(exchange: ProtocolExchange, shared: string): Promise<string | undefined> {
    switch (exchange.session.use) {
      case 'shared':
        return shared;
      case 'fresh':
        return exchange.endpoint === 'POST /messages' ? shared : await this.target.openSession();
      case 'none':
        return undefined;
      case 'id':
        return exchange.session.id;
    }
  }

  private request(exchange: ProtocolExchange, session: string | undefined, body: string | Uint8Array): RawRequest {
    const legacy = exchange.endpoint === 'POST /messages';
    const usual = legacy ? { 'Content-Type': 'application/json' } : this.target.headers();
    const headers = Object.fromEntries(
      Object.entries({ ...usual, ...exchange.headers }).filter((entry): entry is [string, string] => entry[1] !== null),
    );
    if (legacy) {
      const query = session === undefined ? '' : `?sessionId=${encodeURIComponent(session)}`;
      return { method: 'POST', path: `/messages${query}`, headers, body };
    }
    if (session !== undefined) headers['Mcp-Session-Id'] = session;
    return exchange.endpoint === 'DELETE /mcp'
      ? { method: 'DELETE', path: '/mcp', headers }
      : { method: 'POST', path: '/mcp', headers, body };
  }

  /** Sessions the exchange opened are closed (they count against MCP_MAX_SESSIONS); a deleted shared one is let go. */
  private async closeSessions(
    exchange: ProtocolExchange,
    shared: string,
    session: string | undefined,
    opened: string | null,
  ): Promise<void> {
    if (exchange.endpoint === 'POST /messages') return;
    if (exchange.endpoint === 'DELETE /mcp' && session === shared) this.target.sessionLost();
    if (exchange.session.use === 'fresh' && session !== undefined) await this.target.closeSession(session);
    if (opened !== null && opened !== shared && opened !== session) await this.target.closeSession(opened);
  }

  /** A legacy POST is answered 202 and its answers come on the stream: wait for them (bounded). */
  private async legacyAnswers(stream: SseReader, mark: number, body: string): Promise<void> {
    const ids = requestIds(body).map((id) => `"id":${JSON.stringify(id)}`);
    const answered = (id: string): boolean => {
      const text = stream.text.slice(mark);
      return text.includes(`${id},`) || text.includes(`${id}}`);
    };
    const deadline = performance.now() + SETTLE_MS;
    while (!ids.every(answered) && performance.now() < deadline) await sleep(10);
  }

  private async prepareUpstream(): Promise<void> {
    if (this.dirty) {
      // A reset numbers requests from 1 again.
      await this.fake.reset();
      await this.fake.settings(FAST_PIPELINES);
      this.dirty = false;
      this.seen = 0;
    }
  }

  /** Stray upstream requests; the fake is reset before the next exchange when one of them changed its data. */
  private async upstreamViolations(body: string): Promise<Violation[]> {
    const records = await this.settledRequests();
    if (records.some(({ method, status }) => method !== 'GET' && (status ?? 0) < 400)) {
      this.dirty = true;
    }
    const calls = namedCalls(body, this.catalogue.templates);
    const named = [...calls, ...this.previous];
    this.previous = calls;
    return strayUpstreamPaths(this.target.flavor, named, records, this.caller).map((detail) => ({
      kind: 'stray-path',
      detail,
    }));
  }

  /** The fake's log since the last exchange, once no request in it is in flight any more (bounded). */
  private async settledRequests(): Promise<FakeRequestRecord[]> {
    const deadline = performance.now() + SETTLE_MS;
    for (;;) {
      const { requests } = (await this.fake.admin('GET', `requests?since=${this.seen}`)) as {
        requests: FakeRequestRecord[];
      };
      if (requests.every(({ outcome }) => outcome !== 'pending') || performance.now() > deadline) {
        this.seen = Math.max(this.seen, ...requests.map(({ seq }) => seq));
        return requests;
      }
      await sleep(10);
    }
  }

  private async liveness(): Promise<Violation[]> {
    const death = await this.target.death();
    if (death === undefined) return [];
    await this.target.restart();
    this.dirty = true;
    return [{ kind: 'crash', detail: death }];
  }

  private outcome(request: RawRequest, body: string, violations: Violation[]): ExchangeOutcome {
    this.tally.count(violations);
    const shown = body.length > SHOWN_BODY_CHARS ? `${body.slice(0, SHOWN_BODY_CHARS)}… (${body.length} chars)` : body;
    return {
      request: `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${shown}`,
      violations,
    };
  }
}
