import type { CustomOrigin } from '@nestjs/common/interfaces/external/cors-options.interface';
import { corsOptions } from './cors-options';
import { OriginPolicy } from './origin-policy';

const policy = new OriginPolicy({ allowedOrigins: ['https://app.example.com'], allowedHosts: [], loopback: true });

/** What the options' origin callback decides for `origin`. */
function decide(origin: string | undefined): unknown {
  const decider = corsOptions(policy, false).origin as CustomOrigin;
  let decision: unknown;
  decider(origin, (error, allowed) => {
    if (error !== null) throw error;
    decision = allowed;
  });
  return decision;
}

describe('corsOptions', () => {
  it('grants exactly what the OriginPolicy allows (listed origins, and pages of this machine on loopback)', () => {
    expect(decide('https://app.example.com')).toBe(true);
    expect(decide('http://localhost:5173')).toBe(true);
    expect(decide('https://evil.example')).toBe(false);
    // No Origin: not a browser's cross-origin call, so no Access-Control-* header either.
    expect(decide(undefined)).toBe(false);
  });

  it('lets browser MCP clients send their headers and read the session, challenge, retry and rate-limit headers', () => {
    const options = corsOptions(policy, false);
    expect(options.methods).toEqual(['GET', 'POST', 'DELETE']);
    expect(options.allowedHeaders).toEqual(
      expect.arrayContaining([
        'Authorization',
        'Content-Type',
        'Accept',
        'Mcp-Session-Id',
        'MCP-Protocol-Version',
        'Last-Event-ID',
        'X-API-Key',
      ]),
    );
    expect(options.exposedHeaders).toEqual(
      expect.arrayContaining([
        'Mcp-Session-Id',
        'WWW-Authenticate',
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'RateLimit-Policy',
      ]),
    );
    expect(options.maxAge).toBe(7200);
  });

  it('allows credentials only when configured', () => {
    expect(corsOptions(policy, false).credentials).toBe(false);
    expect(corsOptions(policy, true).credentials).toBe(true);
  });
});
