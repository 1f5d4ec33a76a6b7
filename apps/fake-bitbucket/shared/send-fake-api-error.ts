import type { Response } from 'express';
import type { FakeApiError } from './fake-api.error';

export function sendFakeApiError(res: Response, error: FakeApiError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(error.status);
  if (error.contentType === 'text') {
    res.type('text/plain').send(String(error.body));
    return;
  }
  res.json(error.body);
}
