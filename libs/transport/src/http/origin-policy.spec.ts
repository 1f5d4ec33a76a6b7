import { TransportErrorCode } from '../transport-error-code.enum';
import { TransportException } from '../transport.exception';
import { OriginPolicy } from './origin-policy';

const LISTED = ['https://app.example.com', String.raw`/^https:\/\/[a-z0-9-]+\.tools\.example$/`];
const LOOPBACK_PAGES = [
  'http://localhost:5173',
  'http://LOCALHOST:6274',
  'https://localhost',
  'http://127.0.0.1:8080',
  'https://127.0.0.1',
  'http://[::1]:3000',
];

const refusal = (policy: OriginPolicy, headers: Record<string, string>): TransportErrorCode | undefined => {
  try {
    policy.check(headers);
    return undefined;
  } catch (error) {
    if (error instanceof TransportException) return error.code;
    throw error;
  }
};

describe('OriginPolicy', () => {
  const onLoopback = new OriginPolicy({ allowedOrigins: LISTED, allowedHosts: ['mcp.internal'], loopback: true });
  const elsewhere = new OriginPolicy({ allowedOrigins: LISTED, allowedHosts: [], loopback: false });

  it.each([onLoopback, elsewhere])('allows listed origins, exactly (case aside) or by regular expression', (policy) => {
    expect(policy.originAllowed('https://app.example.com')).toBe(true);
    expect(policy.originAllowed('HTTPS://App.Example.com')).toBe(true);
    expect(policy.originAllowed('https://team-a.tools.example')).toBe(true);
    expect(policy.originAllowed('https://app.example.com:8443')).toBe(false);
    expect(policy.originAllowed('http://app.example.com')).toBe(false);
    expect(policy.originAllowed('https://team-a.tools.example.attacker.net')).toBe(false);
    expect(policy.originAllowed('https://evil.example')).toBe(false);
    expect(policy.originAllowed('null')).toBe(false);
  });

  it('on a server bound to loopback, also allows pages of this machine on any port, and nothing that only looks like one', () => {
    for (const origin of LOOPBACK_PAGES) expect(onLoopback.originAllowed(origin)).toBe(true);
    for (const origin of [
      'http://localhost.evil.example',
      'http://localhost:5173.evil.example',
      'http://127.0.0.2:8080',
      'http://evil.example#http://localhost',
      'file://localhost',
      'ws://localhost:3000',
    ]) {
      expect(onLoopback.originAllowed(origin)).toBe(false);
    }
  });

  it('on a server bound elsewhere, refuses pages of the machine that are not listed, and allows the listed ones', () => {
    for (const origin of LOOPBACK_PAGES) expect(elsewhere.originAllowed(origin)).toBe(false);
    const listed = new OriginPolicy({ allowedOrigins: ['http://localhost:5173'], allowedHosts: [], loopback: false });
    expect(listed.originAllowed('http://localhost:5173')).toBe(true);
    expect(listed.originAllowed('http://localhost:8080')).toBe(false);
  });

  it('check: a request without Origin passes; a forbidden Origin is refused MCP_ORIGIN_FORBIDDEN', () => {
    expect(refusal(elsewhere, { host: 'mcp.example.com' })).toBeUndefined();
    expect(refusal(elsewhere, { host: 'mcp.example.com', origin: 'https://app.example.com' })).toBeUndefined();
    expect(refusal(elsewhere, { host: 'mcp.example.com', origin: 'https://evil.example' })).toBe(
      TransportErrorCode.ORIGIN_FORBIDDEN,
    );
  });

  it('check: on loopback, only Host names of this machine (and MCP_ALLOWED_HOSTS) are answered', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST', 'mcp.internal:8080']) {
      expect(refusal(onLoopback, { host })).toBeUndefined();
    }
    for (const host of ['evil.example', 'evil.example:3000', '127.0.0.1.nip.io:3000']) {
      expect(refusal(onLoopback, { host })).toBe(TransportErrorCode.HOST_FORBIDDEN);
    }
    expect(refusal(onLoopback, {})).toBe(TransportErrorCode.HOST_FORBIDDEN);
    expect(refusal(elsewhere, { host: 'evil.example' })).toBeUndefined();
  });
});
