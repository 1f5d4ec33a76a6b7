import { RequestContext, type RequestContextData, type Translator } from '@app/common';
import { ShutdownState } from '@app/health';
import type { McpServerFactory, McpSession } from '@app/mcp';
import { Logger } from '@nestjs/common';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { TransportErrorCode } from '../transport-error-code.enum';
import { transportConfig } from '../transport.config';
import { McpSessionEvents, type SessionCloseReason } from './mcp-session-events';
import { McpSessionOpener, type SessionKind } from './mcp-session-opener';
import { McpSessionRegistry } from './mcp-session-registry.service';
import type { RegisteredSession } from './registered-session';

const ALICE: RequestContextData = { correlationId: 'c-1', principalId: 'apikey:alice' };

/** A transport that only records: it closes by itself when the spec says so. */
class SpecTransport implements Transport {
  onclose?: () => void;
  established: () => void = () => undefined;

  constructor(readonly id: string) {}

  async start(): Promise<void> {
    return Promise.resolve();
  }

  async send(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    this.onclose?.();
    return Promise.resolve();
  }
}

interface SpecSession extends RegisteredSession {
  readonly transportOf: SpecTransport;
  readonly endStreams: jest.Mock;
}

const kind: SessionKind<SpecTransport, SpecSession> = {
  closeReason: 'disconnect',
  transport: (id, established) => Object.assign(new SpecTransport(id), { established }),
  session: (id, principalId, state, transport, mcp) => ({
    id,
    principalId,
    state,
    transport: 'sse',
    transportOf: transport,
    endStreams: jest.fn(),
    close: async () => mcp.close(),
  }),
};

describe('McpSessionOpener', () => {
  let registry: McpSessionRegistry;
  let opener: McpSessionOpener;
  let closed: SessionCloseReason[];
  let connect: jest.Mock<Promise<McpServer>, [McpSession, Transport]>;

  /** Whether the principal of ALICE may open one more session (its quota is 1). */
  const placeFree = (): boolean => {
    try {
      registry.admit('apikey:alice').release();
      return true;
    } catch {
      return false;
    }
  };
  const inContext = async <T>(data: RequestContextData, run: () => Promise<T>): Promise<T> =>
    RequestContext.run(data, run);

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const config = transportConfig.resolve({ MCP_SESSION_ROUTE: 'replica-1', MCP_MAX_SESSIONS_PER_PRINCIPAL: '1' });
    const events = new McpSessionEvents().on('closed', ({ reason }) => closed.push(reason));
    registry = new McpSessionRegistry(config, new ShutdownState(), events);
    closed = [];
    connect = jest.fn(async (_state: McpSession, transport: Transport) =>
      Promise.resolve({ close: async () => transport.close() } as unknown as McpServer),
    );
    const translator = { currentLocale: () => 'ja' } as unknown as Translator;
    opener = new McpSessionOpener(registry, { connect } as unknown as McpServerFactory, translator, config);
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('opens a session on initialize: routed id, state in the request language, registered once the SDK accepts it', async () => {
    let opened: SpecSession | undefined;
    await inContext(ALICE, async () =>
      opener.openOnInitialize(kind, async (session) => {
        opened = session;
        // Its place is held while the initialize is answered.
        expect(placeFree()).toBe(false);
        session.transportOf.established();
        return Promise.resolve();
      }),
    );
    expect(opened?.id).toMatch(/^[0-9a-f-]{36}\.replica-1$/);
    expect(opened?.state).toEqual({ locale: 'ja', logLevel: 'info', loggingRequested: false });
    expect(connect).toHaveBeenCalledWith(opened?.state, opened?.transportOf);
    expect(registry.find(opened?.id ?? '', 'apikey:alice')).toBe(opened);
    expect(placeFree()).toBe(false);
    // The transport closing by itself (the client's DELETE) forgets it, for the kind's reason.
    await opened?.transportOf.close();
    expect(closed).toEqual(['disconnect']);
    expect(placeFree()).toBe(true);
  });

  it('leaves nothing behind when the SDK refused the initialize, or the server could not connect', async () => {
    let refused: SpecSession | undefined;
    await inContext(ALICE, async () =>
      opener.openOnInitialize(kind, async (session) => {
        refused = session;
        return Promise.resolve();
      }),
    );
    expect(registry.size).toBe(0);
    expect(placeFree()).toBe(true);
    // Closed, never registered: no 'closed' event for a session that never opened.
    expect(closed).toEqual([]);
    expect(refused).toBeDefined();

    connect.mockRejectedValueOnce(new Error('connect failed'));
    await expect(
      inContext(ALICE, async () => opener.openForStream(kind, new AbortController().signal)),
    ).rejects.toThrow('connect failed');
    expect(placeFree()).toBe(true);
  });

  it('opens a stream session registered at once, open while its stream is, closed when the stream goes', async () => {
    const stream = new AbortController();
    const session = await inContext(ALICE, async () => opener.openForStream(kind, stream.signal));
    expect(registry.find(session.id, 'apikey:alice')).toBe(session);
    expect(await registry.reapIdle(Date.now() + 24 * 3600_000)).toBe(0);
    stream.abort();
    await Promise.resolve();
    expect(registry.size).toBe(0);
    expect(closed).toEqual(['disconnect']);
  });

  it('closes a stream session whose client went away while it was being set up', async () => {
    const stream = new AbortController();
    stream.abort();
    await inContext(ALICE, async () => opener.openForStream(kind, stream.signal));
    expect(registry.size).toBe(0);
    expect(placeFree()).toBe(true);
  });

  it('ends the streams of a stream session when the credential that opened it expires, closing it for that reason', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const stream = new AbortController();
    const expiring = { ...ALICE, credentialExpiresAt: 1_000_000 + 5000 };
    const session = await inContext(expiring, async () => opener.openForStream(kind, stream.signal));
    jest.advanceTimersByTime(4999);
    expect(session.endStreams).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(session.endStreams).toHaveBeenCalledTimes(1);
    // Its stream ends, as endStreams asks the client to reconnect.
    stream.abort();
    expect(closed).toEqual(['credential-expired']);
  });

  it('refuses to open a session for a request nobody authenticated', async () => {
    await expect(opener.openForStream(kind, new AbortController().signal)).rejects.toThrow(/No request context/);
    await expect(
      inContext({ correlationId: 'c-2' }, async () => opener.openOnInitialize(kind, jest.fn())),
    ).rejects.toThrow(/No authenticated principal/);
    expect(connect).not.toHaveBeenCalled();
  });

  it('refuses a principal at its quota before building anything', async () => {
    await inContext(ALICE, async () => opener.openForStream(kind, new AbortController().signal));
    await expect(
      inContext(ALICE, async () => opener.openForStream(kind, new AbortController().signal)),
    ).rejects.toMatchObject({ code: TransportErrorCode.SESSION_QUOTA });
    expect(connect).toHaveBeenCalledTimes(1);
  });
});
