import { resolveCorrelationId } from './correlation-id';

describe('resolveCorrelationId', () => {
  it('reuses a safe incoming id', () => {
    expect(resolveCorrelationId('req-0001-abcd')).toBe('req-0001-abcd');
    expect(resolveCorrelationId(['trace:1234567', 'other'])).toBe('trace:1234567');
  });

  it('replaces missing, short or hostile ids with a fresh UUID', () => {
    for (const incoming of [undefined, 'x', 'a\r\nSet-Cookie: y=1', '<script>alert(1)</script>', 'z'.repeat(129)]) {
      expect(resolveCorrelationId(incoming)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
