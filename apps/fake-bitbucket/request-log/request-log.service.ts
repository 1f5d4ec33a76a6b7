import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { flavorOfPath } from '../shared/flavor-of-path';
import type { FakeRequestRecord } from './fake-request-record';
import type { RequestLogFilter } from './request-log-filter';
import { RingBuffer } from './ring-buffer';

const CAPACITY = 20_000;

/** The W3C trace context headers as the client sent them (a repeated one joined by Node). */
function traceHeaders(req: Request): Pick<FakeRequestRecord, 'traceparent' | 'tracestate'> {
  const { traceparent, tracestate } = req.headers;
  return {
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
    ...(typeof tracestate === 'string' ? { tracestate } : {}),
  };
}

/** Every Bitbucket request the fake saw (the latest ones), so tests can count upstream calls and aborts. */
@Injectable()
export class RequestLog {
  private readonly records = new RingBuffer<FakeRequestRecord>(CAPACITY);
  /** Counted as requests arrive, so they stay exact when the log has dropped the oldest records. */
  private readonly byRoute = new Map<string, number>();
  private total = 0;
  private seq = 0;

  record(req: Request, res: Response): FakeRequestRecord {
    const [path = '/', query = ''] = req.originalUrl.split('?', 2);
    const started = performance.now();
    const record: FakeRequestRecord = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      method: req.method,
      path,
      query,
      flavor: flavorOfPath(path),
      outcome: 'pending',
      ...traceHeaders(req),
    };
    this.records.push(record);
    if (record.flavor !== 'admin') {
      const route = `${record.method} ${record.path}`;
      this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
      this.total += 1;
    }
    res.once('finish', () => {
      record.outcome = 'answered';
      record.status = res.statusCode;
      record.durationMs = Math.round(performance.now() - started);
    });
    res.once('close', () => {
      if (record.outcome !== 'pending') return;
      record.outcome = 'aborted';
      record.durationMs = Math.round(performance.now() - started);
    });
    return record;
  }

  list(filter: RequestLogFilter = {}): FakeRequestRecord[] {
    return [...this.records].filter(
      (r) =>
        (filter.method === undefined || r.method === filter.method) &&
        (filter.path === undefined || filter.path.test(r.path)) &&
        (filter.since === undefined || r.seq > filter.since),
    );
  }

  /** Requests per `METHOD /path`, Bitbucket routes only, since the log was last emptied. */
  counters(): { total: number; lastSeq: number; byRoute: Record<string, number> } {
    return { total: this.total, lastSeq: this.seq, byRoute: Object.fromEntries(this.byRoute) };
  }

  /** Empties the log and the counters; sequence numbers go on, so `since` still works across it. */
  clear(): void {
    this.records.clear();
    this.byRoute.clear();
    this.total = 0;
  }

  /** Empties the log and the counters and numbers the next request 1 again, as on a fresh start. */
  reset(): void {
    this.clear();
    this.seq = 0;
  }
}
