import { request, type IncomingHttpHeaders } from 'node:http';
import { ACCEPT_BOTH } from './mcp-http-client';

export interface HugeBodyAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Body bytes the client had written when the answer came. */
  readonly sent: number;
}

const PIECE = Buffer.alloc(64 * 1024, ' ');

/**
 * POSTs `bytes` of body in 64 KiB writes, with a Content-Length (`declared`) or chunked, and takes the
 * answer as soon as it comes, as an HTTP client that streams its upload does.
 */
export async function postHugeBody(
  url: string,
  bytes: number,
  options: { declared: boolean; headers?: Record<string, string> },
): Promise<HugeBodyAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({
      host: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      method: 'POST',
      agent: false,
      headers: {
        'Content-Type': 'application/json',
        Accept: ACCEPT_BOTH,
        ...(options.declared ? { 'Content-Length': String(bytes) } : {}),
        ...options.headers,
      },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent });
      });
      res.on('error', reject);
    });
    // Writing into a connection the server closed after answering fails; only an error before the answer counts.
    req.on('error', (error) => {
      if (!answered) reject(new Error(`no answer after ${sent} bytes sent: ${error.message}`));
    });
    const pump = (): void => {
      while (!answered && !req.destroyed && sent < bytes) {
        const piece = PIECE.subarray(0, Math.min(PIECE.length, bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= bytes && !req.destroyed) req.end();
    };
    pump();
  });
}
