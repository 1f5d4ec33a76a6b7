import type { Response } from 'express';

/**
 * Sends a body with exactly the given Content-Type. Data Center writes `text/plain;charset=UTF-8`
 * (no space, upper case), and raw files carry no charset, where Express would add its own.
 */
export function sendDatacenterRaw(res: Response, contentType: string, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}
