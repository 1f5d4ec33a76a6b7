import { RequestContext, TraceContext } from '@app/common';
import { ToolCallEvents, type ToolCallEvent } from '@app/mcp';
import type { loggingConfig } from '@app/observability';
import type { ConfigType } from '@nestjs/config';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from './audit-log';
import type { AuditRecord } from './audit-record';
import { AuditTrail } from './audit-trail.service';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const COMMENT = 'Please rename this variable, it leaks the password hunter2';

const logging = (directory: string | undefined): ConfigType<typeof loggingConfig> => ({
  level: 'error',
  format: 'json',
  directory,
  datePattern: 'YYYY-MM-DD-HH',
  maxSize: '20m',
  maxFiles: '14d',
  zipped: true,
});

const call = (overrides: Partial<ToolCallEvent> = {}): ToolCallEvent => ({
  tool: 'add_pull_request_comment',
  kind: 'write',
  outcome: 'OK',
  durationMs: 12.4,
  correlationId: 'req-0001-abcd',
  principalId: 'apikey:ci',
  arguments: { workspace: 'acme', repo: 'payments-api', pullRequestId: 3, text: COMMENT, line: 12 },
  ...overrides,
});

describe('AuditTrail', () => {
  let directory: string;
  let events: ToolCallEvents;
  let trail: AuditTrail;

  /** The records written so far, once the trail has flushed and closed its file. */
  const records = async (): Promise<AuditRecord[]> => {
    await trail.onApplicationShutdown();
    const files = readdirSync(directory).filter((name) => /^audit-.*\.log$/.test(name));
    return files.flatMap((name) =>
      readFileSync(join(directory, name), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as AuditRecord),
    );
  };

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'audit-trail-'));
    events = new ToolCallEvents();
    trail = new AuditTrail(
      events,
      new AuditLog(logging(directory), { enabled: true, maxFiles: '90d' }, OPTIONS),
      'mcp-http',
    );
    trail.onModuleInit();
  });

  afterEach(async () => {
    await trail.onApplicationShutdown();
    rmSync(directory, { recursive: true, force: true });
  });

  const OPTIONS = { appName: 'mcp-http', console: 'stdout' } as const;

  it('records a write call with its target identifiers, never the text it carried, whatever LOG_LEVEL says', async () => {
    RequestContext.run(
      {
        correlationId: 'req-0001-abcd',
        traceContext: TraceContext.fromHeaders(`00-${TRACE_ID}-00f067aa0ba902b7-01`, undefined),
      },
      () => events.emit('tool-call', call()),
    );
    const written = await records();
    expect(written).toEqual([
      {
        log: 'audit',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
        app: 'mcp-http',
        principal: 'apikey:ci',
        tool: 'add_pull_request_comment',
        target: { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 },
        outcome: 'OK',
        durationMs: 12,
        correlationId: 'req-0001-abcd',
        traceId: TRACE_ID,
      },
    ]);
    expect(JSON.stringify(written)).not.toContain('hunter2');
  });

  it('records failed and refused writes with their outcome; reads and unknown tools leave nothing', async () => {
    events.emit('tool-call', call({ kind: 'read', tool: 'get_pull_request' }));
    events.emit('tool-call', call({ kind: undefined, tool: undefined, outcome: 'TOOL_UNKNOWN' }));
    events.emit('tool-call', call({ outcome: 'TOOL_INVALID_ARGUMENTS', arguments: undefined }));
    events.emit('tool-call', call({ outcome: 'BITBUCKET_NOT_FOUND' }));
    events.emit('tool-call-refused', {
      tool: 'merge_pull_request',
      kind: 'write',
      outcome: 'RATE_LIMITED_WRITE_TOOLS',
      correlationId: 'req-0002-abcd',
      principalId: 'bearer:ci',
    });
    events.emit('tool-call-refused', {
      tool: 'get_pull_request',
      kind: 'read',
      outcome: 'AUTH_INSUFFICIENT_SCOPE',
      correlationId: 'req-0003-abcd',
      principalId: 'bearer:ci',
    });
    const written = await records();
    expect(written.map(({ tool, outcome, target }) => ({ tool, outcome, target }))).toEqual([
      { tool: 'add_pull_request_comment', outcome: 'TOOL_INVALID_ARGUMENTS', target: {} },
      {
        tool: 'add_pull_request_comment',
        outcome: 'BITBUCKET_NOT_FOUND',
        target: { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 },
      },
      { tool: 'merge_pull_request', outcome: 'RATE_LIMITED_WRITE_TOOLS', target: {} },
    ]);
    expect(written[2]).not.toHaveProperty('durationMs');
    expect(written[2]).not.toHaveProperty('traceId');
  });

  it('names the stdio caller local, and keeps only short identifiers', async () => {
    events.emit(
      'tool-call',
      call({
        tool: 'create_branch',
        principalId: undefined,
        arguments: { workspace: 'acme', repo: 'payments-api', name: 'x'.repeat(251), startPoint: 'main', title: 't' },
      }),
    );
    expect(await records()).toEqual([
      expect.objectContaining({
        principal: 'local',
        target: { workspace: 'acme', repo: 'payments-api', startPoint: 'main' },
      }),
    ]);
  });

  it('writes JSON lines marked as audit to the console stream without LOG_DIR, and nothing when disabled', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const toStderr = new AuditTrail(
        events,
        new AuditLog(
          logging(undefined),
          { enabled: true, maxFiles: '90d' },
          { appName: 'mcp-stdio', console: 'stderr' },
        ),
        'mcp-stdio',
      );
      toStderr.onModuleInit();
      const disabled = new AuditTrail(events, undefined, 'mcp-stdio');
      disabled.onModuleInit();
      events.emit('tool-call', call({ principalId: undefined }));
      await toStderr.onApplicationShutdown();
      await disabled.onApplicationShutdown();
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(written[0] ?? '')).toMatchObject({ log: 'audit', app: 'mcp-stdio', principal: 'local' });
  });
});
