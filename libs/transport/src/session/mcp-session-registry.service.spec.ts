import { ShutdownState } from '@app/health';
import { Logger } from '@nestjs/common';
import { TransportErrorCode } from '../transport-error-code.enum';
import { transportConfig } from '../transport.config';
import { TransportException } from '../transport.exception';
import { McpSessionEvents } from './mcp-session-events';
import { McpSessionRegistry } from './mcp-session-registry.service';
import type { RegisteredSession } from './registered-session';

const TTL_MS = 60000;
/** A quarter of the idle TTL: how often the registry reaps. */
const REAP_EVERY_MS = 15000;

function registry(env: Record<string, string> = {}, events = new McpSessionEvents()): McpSessionRegistry {
  const config = transportConfig.resolve({
    MCP_MAX_SESSIONS: '5',
    MCP_MAX_SESSIONS_PER_PRINCIPAL: '2',
    MCP_SESSION_IDLE_TTL_MS: String(TTL_MS),
    ...env,
  });
  return new McpSessionRegistry(config, new ShutdownState(), events);
}

let nextId = 0;
function session(principalId: string): RegisteredSession {
  nextId += 1;
  return {
    id: `s${nextId}`,
    principalId,
    transport: 'streamable-http',
    state: { locale: 'fr', logLevel: 'info', loggingRequested: false },
    endStreams: jest.fn(),
    close: jest.fn(async () => Promise.resolve()),
  };
}

/** Admits and adds a session of `principalId`. */
function open(sessions: McpSessionRegistry, principalId: string): RegisteredSession {
  const opened = session(principalId);
  sessions.add(opened, sessions.admit(principalId));
  return opened;
}

function refusal(admit: () => unknown): TransportException {
  try {
    admit();
  } catch (error) {
    if (error instanceof TransportException) return error;
    throw error;
  }
  throw new Error('admitted');
}

describe('McpSessionRegistry', () => {
  let log: jest.SpyInstance;

  beforeEach(() => {
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('refuses a principal at MCP_MAX_SESSIONS_PER_PRINCIPAL 429, while another still opens sessions', () => {
    const sessions = registry();
    open(sessions, 'apikey:alice');
    open(sessions, 'apikey:alice');

    const refused = refusal(() => sessions.admit('apikey:alice'));
    expect(refused.code).toBe(TransportErrorCode.SESSION_QUOTA);
    expect(refused.status).toBe(429);
    expect(refused.params).toMatchObject({ quota: 2 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('apikey:alice: 2 open or opening') as unknown }),
    );

    open(sessions, 'apikey:bob');
    expect(sessions.size).toBe(3);
  });

  it("tells a session's language to its owner only", () => {
    const sessions = registry();
    const opened = open(sessions, 'oauth2:alice');
    expect(sessions.localeOf(opened.id, 'oauth2:alice')).toBe('fr');
    expect(sessions.localeOf(opened.id, 'oauth2:mallory')).toBeUndefined();
    expect(sessions.localeOf('no-such-session', 'oauth2:alice')).toBeUndefined();
    expect(sessions.localeOf(undefined, 'oauth2:alice')).toBeUndefined();
  });

  it('frees a place when a session of the principal is removed or closed', async () => {
    const sessions = registry();
    const first = open(sessions, 'apikey:alice');
    const second = open(sessions, 'apikey:alice');
    sessions.remove(first.id, 'client');
    const third = open(sessions, 'apikey:alice');
    await sessions.close(second.id, 'client');
    open(sessions, 'apikey:alice');
    expect(refusal(() => sessions.admit('apikey:alice')).code).toBe(TransportErrorCode.SESSION_QUOTA);
    // Forgetting twice gives back one place only.
    sessions.remove(third.id, 'client');
    sessions.remove(third.id, 'client');
    open(sessions, 'apikey:alice');
    expect(refusal(() => sessions.admit('apikey:alice')).code).toBe(TransportErrorCode.SESSION_QUOTA);
  });

  it('counts admissions not yet added, so initializes in parallel cannot overshoot the quota', () => {
    const sessions = registry();
    const pending = [sessions.admit('apikey:alice'), sessions.admit('apikey:alice')];
    expect(refusal(() => sessions.admit('apikey:alice')).code).toBe(TransportErrorCode.SESSION_QUOTA);

    // An initialize that fails gives its place back (once), one that succeeds keeps it.
    pending[0]?.release();
    pending[0]?.release();
    const kept = pending[1];
    if (kept === undefined) throw new Error('no admission');
    sessions.add(session('apikey:alice'), kept);
    kept.release();
    open(sessions, 'apikey:alice');
    expect(refusal(() => sessions.admit('apikey:alice')).code).toBe(TransportErrorCode.SESSION_QUOTA);
  });

  it('counts admissions towards MCP_MAX_SESSIONS too: 503 once every place is held', () => {
    const sessions = registry({ MCP_MAX_SESSIONS: '3' });
    open(sessions, 'apikey:alice');
    sessions.admit('apikey:bob');
    sessions.admit('apikey:carol');
    const refused = refusal(() => sessions.admit('apikey:dave'));
    expect([refused.code, refused.status]).toEqual([TransportErrorCode.SESSIONS_FULL, 503]);
  });

  it.each(['none:local'])(
    'does not count the local user of a server without authentication (%s), only MCP_MAX_SESSIONS',
    (principalId) => {
      const sessions = registry();
      for (let i = 0; i < 5; i++) open(sessions, principalId);
      expect(refusal(() => sessions.admit(principalId)).code).toBe(TransportErrorCode.SESSIONS_FULL);
    },
  );

  it('tells a refused principal to come back when its first idle session will have been reaped', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const sessions = registry();
    open(sessions, 'apikey:alice');
    jest.advanceTimersByTime(20000);
    open(sessions, 'apikey:alice');
    jest.advanceTimersByTime(30000);
    // The older one idles out 10 s from now; the reaper may take one more interval to notice.
    expect(refusal(() => sessions.admit('apikey:alice')).retryAfterSeconds).toBe(10 + REAP_EVERY_MS / 1000);
  });

  it('waits a whole idle period when every session of the principal has an open stream', () => {
    const sessions = registry();
    sessions.opened(open(sessions, 'apikey:alice').id);
    sessions.opened(open(sessions, 'apikey:alice').id);
    expect(refusal(() => sessions.admit('apikey:alice')).retryAfterSeconds).toBe((TTL_MS + REAP_EVERY_MS) / 1000);
  });

  it('tells each session opened and each closed once, with its transport and the first reason given', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const events = new McpSessionEvents();
    const told: string[] = [];
    events.on('opened', ({ transport }) => told.push(`opened ${transport}`));
    events.on('closed', ({ transport, reason }) => told.push(`closed ${transport} ${reason}`));
    const sessions = registry({}, events);
    const first = open(sessions, 'apikey:alice');
    open(sessions, 'apikey:bob');
    sessions.remove(first.id, 'client');
    await sessions.close(first.id, 'disconnect');
    jest.advanceTimersByTime(TTL_MS + 1);
    expect(await sessions.reapIdle()).toBe(1);
    expect(told).toEqual([
      'opened streamable-http',
      'opened streamable-http',
      'closed streamable-http client',
      'closed streamable-http idle',
    ]);
  });
});
