import { type FakeBitbucketProcess, McpHttpProcess } from '@app/testing';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { ACCEPT_BOTH, initializeRequest } from '../../apps/mcp-http/test/mcp-http-client';
import { SseReader } from '../../apps/mcp-http/test/sse-reader';
import { bitbucketEnv } from '../tool-suite/bitbucket-env';
import type { Flavor } from '../tool-suite/tool-case';
import type { RawAnswer, RawRequest } from './raw-exchange';

/** No exchange may take longer: wait_for_pipeline is the slowest tool, and its waits are kept short. */
const ANSWER_TIMEOUT_MS = 15_000;
const LIVENESS_TIMEOUT_MS = 3_000;
/** How much of the dead server's output a crash report quotes (its last words: the uncaught error). */
const OUTPUT_TAIL_CHARS = 2_000;

interface LegacySession {
  readonly id: string;
  readonly stream: SseReader;
  readonly abort: AbortController;
}

/**
 * The built mcp-http server for one flavor against the fake, as the fuzzer sees it: raw HTTP exchanges,
 * a shared Streamable HTTP session and a shared legacy SSE session (opened on demand), a liveness verdict
 * after each exchange, and a restart after a crash so fuzzing goes on.
 */
export class FuzzTarget {
  /** Requests sent to the server (liveness probes aside). */
  sent = 0;
  private session: string | undefined;
  private legacySession: LegacySession | undefined;

  private constructor(
    readonly flavor: Flavor,
    private readonly fake: FakeBitbucketProcess,
    private server: McpHttpProcess,
  ) {}

  static async start(fake: FakeBitbucketProcess, flavor: Flavor): Promise<FuzzTarget> {
    return new FuzzTarget(flavor, fake, await FuzzTarget.boot(fake, flavor));
  }

  private static async boot(fake: FakeBitbucketProcess, flavor: Flavor): Promise<McpHttpProcess> {
    // Thousands of requests a minute from one address: with the rate limits on, most would be answered
    // 429 before reaching the handlers under test. Structured output: the campaign harvests its cursors.
    return McpHttpProcess.start({
      ...bitbucketEnv(fake, flavor),
      RATE_LIMIT_ENABLED: 'false',
      MCP_STRUCTURED_OUTPUT: 'true',
    });
  }

  async send(request: RawRequest): Promise<RawAnswer> {
    this.sent += 1;
    try {
      const res = await fetch(`${this.server.url}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
      return {
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        sessionId: res.headers.get('mcp-session-id'),
        text: await res.text(),
      };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      return {
        status: 0,
        contentType: '',
        sessionId: null,
        text: '',
        failure: `${error instanceof Error ? error.message : String(error)}${cause}`,
      };
    }
  }

  /** The headers of a well-formed Streamable HTTP POST, in `session` when given. */
  headers(session?: string): Record<string, string> {
    return {
      'Content-Type': 'application/json',
      Accept: ACCEPT_BOTH,
      'MCP-Protocol-Version': LATEST_PROTOCOL_VERSION,
      ...(session === undefined ? {} : { 'Mcp-Session-Id': session }),
    };
  }

  /** A new initialized Streamable HTTP session. */
  async openSession(): Promise<string> {
    const answer = await this.send({
      method: 'POST',
      path: '/mcp',
      headers: this.headers(),
      body: JSON.stringify(initializeRequest),
    });
    if (answer.status !== 200 || answer.sessionId === null) {
      throw new Error(`initialize answered ${answer.status} ${answer.failure ?? answer.text}`);
    }
    await this.send({
      method: 'POST',
      path: '/mcp',
      headers: this.headers(answer.sessionId),
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    });
    return answer.sessionId;
  }

  async closeSession(id: string): Promise<void> {
    await this.send({ method: 'DELETE', path: '/mcp', headers: this.headers(id) });
  }

  /** The session tool calls share; opened again when the server forgot it (after a restart). */
  async sharedSession(): Promise<string> {
    this.session ??= await this.openSession();
    return this.session;
  }

  /** Forgets the shared session when an exchange showed the server no longer knows it. */
  sessionLost(): void {
    this.session = undefined;
  }

  /** The shared legacy HTTP+SSE session: its id for POST /messages, and its stream, where the answers arrive. */
  async legacy(): Promise<{ readonly id: string; readonly stream: SseReader }> {
    if (this.legacySession === undefined) {
      const abort = new AbortController();
      const res = await fetch(`${this.server.url}/sse`, {
        headers: { Accept: 'text/event-stream' },
        signal: abort.signal,
      });
      const stream = new SseReader(res);
      const [, id = ''] = await stream.waitFor(/^data: \/messages\?sessionId=([0-9a-f-]{36})$/m);
      this.legacySession = { id, stream, abort };
      const initialize = JSON.stringify(initializeRequest);
      const headers = { 'Content-Type': 'application/json' };
      await this.send({ method: 'POST', path: `/messages?sessionId=${id}`, headers, body: initialize });
      await stream.waitFor(/"protocolVersion"/);
      const initialized = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });
      await this.send({ method: 'POST', path: `/messages?sessionId=${id}`, headers, body: initialized });
    }
    return this.legacySession;
  }

  /** Why the server is not serving any more (it exited, or stopped answering its liveness probe), or undefined. */
  async death(): Promise<string | undefined> {
    const { child } = this.server.process;
    let probe = '';
    if (child.exitCode === null && child.signalCode === null) {
      try {
        const res = await fetch(`${this.server.url}/health/live`, { signal: AbortSignal.timeout(LIVENESS_TIMEOUT_MS) });
        await res.arrayBuffer();
        if (res.ok) return undefined;
        probe = `GET /health/live answered ${res.status}`;
      } catch (error) {
        probe = `GET /health/live failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    // Give an exiting process the moment it needs to report its exit.
    const exit = await Promise.race([this.server.process.exited, new Promise((resolve) => setTimeout(resolve, 500))]);
    const how = exit === undefined ? probe : `exited ${JSON.stringify(exit)}`;
    return `the ${this.flavor} server ${how}; its last output:\n${this.server.output.slice(-OUTPUT_TAIL_CHARS)}`;
  }

  /** A new server in place of a dead one (on another port: nothing may depend on the old URL). */
  async restart(): Promise<void> {
    await this.dropSessions();
    await this.server.process.stop('SIGKILL');
    this.server = await FuzzTarget.boot(this.fake, this.flavor);
  }

  async stop(): Promise<void> {
    await this.dropSessions();
    await this.server.stop();
  }

  private async dropSessions(): Promise<void> {
    this.session = undefined;
    const legacy = this.legacySession;
    this.legacySession = undefined;
    if (legacy !== undefined) {
      legacy.abort.abort();
      await legacy.stream.ended();
    }
  }
}
