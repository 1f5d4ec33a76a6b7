import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { flavorOfPath } from '../shared/flavor-of-path';
import type { FakeRequestRecord } from './fake-request-record';
import type { RequestLogFilter } from './request-log-filter';

const CAPACITY = 20_000;

/** Every Bitbucket request the fake saw (bounded), so tests can count upstream calls and aborts. */
@Injectable()
export class RequestLog {
  private records: FakeRequestRecord[] = [];
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
    };
    this.records.push(record);
    if (this.records.length > CAPACITY) this.records.splice(0, this.records.length - CAPACITY);
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
    return this.records.filter(
      (r) =>
        (filter.method === undefined || r.method === filter.method) &&
        (filter.path === undefined || filter.path.test(r.path)) &&
        (filter.since === undefined || r.seq > filter.since),
    );
  }

  /** Requests per `METHOD /path`, Bitbucket routes only. */
  counters(): { total: number; lastSeq: number; byRoute: Record<string, number> } {
    const byRoute: Record<string, number> = {};
    let total = 0;
    for (const record of this.records) {
      if (record.flavor === 'admin') continue;
      total += 1;
      const key = `${record.method} ${record.path}`;
      byRoute[key] = (byRoute[key] ?? 0) + 1;
    }
    return { total, lastSeq: this.seq, byRoute };
  }

  clear(): void {
    this.records = [];
  }
}
