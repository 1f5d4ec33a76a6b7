import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from './security-headers';

/** The headers the middleware leaves on a response that Express had already given `X-Powered-By`. */
function headersSetBy(middleware: ReturnType<typeof securityHeaders>): Record<string, string> {
  const headers = new Map<string, string>([['x-powered-by', 'Express']]);
  const res = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  } as unknown as ServerResponse;
  const outcomes: unknown[] = [];
  middleware({} as IncomingMessage, res, (error?: unknown) => outcomes.push(error));
  // Passed on once, without an error.
  expect(outcomes).toEqual([undefined]);
  return Object.fromEntries(headers);
}

describe('securityHeaders', () => {
  it('locks down what a browser may do with an answer, for a JSON and SSE API', () => {
    const headers = headersSetBy(securityHeaders({ https: false }));
    expect(headers).toMatchObject({
      'content-security-policy': "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('sends HSTS only when clients reach the server over https, for its own host only', () => {
    expect(headersSetBy(securityHeaders({ https: false }))).not.toHaveProperty('strict-transport-security');
    expect(headersSetBy(securityHeaders({ https: true }))['strict-transport-security']).toBe('max-age=31536000');
  });
});
