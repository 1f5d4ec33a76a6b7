import type { Response } from 'express';

/**
 * Sends bytes with exactly the given Content-Type: Cloud's raw answers (files, diffs, logs) carry no
 * charset, which Express's `send` would add to text types.
 */
export function sendCloudRaw(
  res: Response,
  contentType: string,
  body: string | Buffer,
  headers: Readonly<Record<string, string>> = {},
  status = 200,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}
