import { TraceContext } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const VALID = `00-${TRACE_ID}-${PARENT_ID}-01`;
const OUTBOUND = /^00-([0-9a-f]{32})-([0-9a-f]{16})-(0[01])$/;

describe('TraceContext', () => {
  it('accepts a valid version 00 traceparent and keeps its trace id, parent id and sampled flag', () => {
    const context = TraceContext.fromHeaders(VALID, undefined);
    expect(context).toMatchObject({ traceId: TRACE_ID, parentId: PARENT_ID, sampled: true });
    expect(TraceContext.fromHeaders(`00-${TRACE_ID}-${PARENT_ID}-00`, undefined)?.sampled).toBe(false);
    // HTTP allows whitespace around a header value.
    expect(TraceContext.fromHeaders(` ${VALID} `, undefined)?.traceId).toBe(TRACE_ID);
  });

  it('reads a future version by its first four fields', () => {
    expect(TraceContext.fromHeaders(`cc-${TRACE_ID}-${PARENT_ID}-01-what-comes-next`, undefined)?.traceId).toBe(
      TRACE_ID,
    );
    expect(TraceContext.fromHeaders(`01-${TRACE_ID}-${PARENT_ID}-09`, undefined)?.sampled).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['version ff', `ff-${TRACE_ID}-${PARENT_ID}-01`],
    ['version 00 with more fields', `${VALID}-extra`],
    ['a future version glued to more text', `cc-${TRACE_ID}-${PARENT_ID}-01extra`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT_ID}-01`],
    ['an all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['upper-case hex', VALID.toUpperCase()],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01`],
    ['a non-hex flag', `00-${TRACE_ID}-${PARENT_ID}-0g`],
    ['two headers (joined by Node)', `${VALID}, ${VALID}`],
    ['two headers (as an array)', [VALID, VALID]],
    ['an injection attempt', `${VALID}\r\nX-Evil: 1`],
  ])('ignores a traceparent that is %s', (_what, header) => {
    expect(TraceContext.fromHeaders(header, 'vendor=value')).toBeUndefined();
  });

  it('gives each outbound hop the same trace id and sampled flag under a new parent id', () => {
    const context = TraceContext.fromHeaders(VALID, undefined);
    const first = OUTBOUND.exec(context?.outboundHeaders().traceparent ?? '');
    const second = OUTBOUND.exec(context?.outboundHeaders().traceparent ?? '');
    expect(first?.[1]).toBe(TRACE_ID);
    expect(first?.[3]).toBe('01');
    expect(first?.[2]).not.toBe(PARENT_ID);
    expect(first?.[2]).not.toBe(second?.[2]);
    expect(context?.outboundHeaders()).not.toHaveProperty('tracestate');
  });

  it('answers a future version with version 00', () => {
    const context = TraceContext.fromHeaders(`cc-${TRACE_ID}-${PARENT_ID}-00-more`, undefined);
    expect(context?.outboundHeaders().traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
  });

  it('passes a valid tracestate through, joined when it came in several headers', () => {
    expect(TraceContext.fromHeaders(VALID, 'congo=t61rcWkgMzE, rojo=00f067aa0ba902b7')?.outboundHeaders()).toEqual({
      traceparent: expect.stringMatching(OUTBOUND) as string,
      tracestate: 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7',
    });
    expect(TraceContext.fromHeaders(VALID, ['tenant@vendor=a b', 'other=x'])?.outboundHeaders().tracestate).toBe(
      'tenant@vendor=a b,other=x',
    );
  });

  it.each([
    ['a member without =', 'congo'],
    ['an upper-case key', 'Congo=1'],
    ['a value with =', 'congo=a=b'],
    ['a control character in a value', 'congo=a\u0001b'],
    ['an empty value', 'congo='],
    ['a repeated key', 'congo=1,congo=2'],
    ['33 members', Array.from({ length: 33 }, (_, i) => `k${i}=v`).join(',')],
  ])('drops a tracestate with %s and keeps the traceparent', (_what, tracestate) => {
    const context = TraceContext.fromHeaders(VALID, tracestate);
    expect(context?.traceId).toBe(TRACE_ID);
    expect(context?.outboundHeaders()).not.toHaveProperty('tracestate');
  });

  it('cuts a tracestate over 512 characters, long members first, then from the end', () => {
    const long = `long=${'x'.repeat(200)}`;
    const members = Array.from({ length: 30 }, (_, i) => `key${String(i).padStart(2, '0')}=${'v'.repeat(20)}`);
    const tracestate = TraceContext.fromHeaders(VALID, [long, ...members].join(','))?.outboundHeaders().tracestate;
    expect(tracestate?.length).toBeLessThanOrEqual(512);
    expect(tracestate).not.toContain('long=');
    expect(tracestate?.startsWith('key00=')).toBe(true);
    expect(tracestate).not.toContain('key29=');
  });
});
