import { randomBytes } from 'node:crypto';

type HeaderValue = string | string[] | undefined;

// W3C Trace Context (https://www.w3.org/TR/trace-context/): version 00 has exactly these four fields;
// a later version may append fields after a dash, which this version does not read.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZEROS = /^0+$/;
const TRACESTATE_KEY = /^(?:[a-z][a-z0-9_\-*/]{0,255}|[a-z0-9][a-z0-9_\-*/]{0,240}@[a-z][a-z0-9_\-*/]{0,13})$/;
const TRACESTATE_VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const TRACESTATE_MAX_MEMBERS = 32;
/** What the spec asks every vendor to propagate at least; longer lists are cut as it recommends. */
const TRACESTATE_MAX_LENGTH = 512;
const TRACESTATE_LONG_MEMBER = 128;
const SAMPLED = 0x01;

const single = (value: HeaderValue): string | undefined => (Array.isArray(value) ? value.join(',') : value)?.trim();

/** The caller's tracestate list members, or undefined when the header is absent or breaks the grammar. */
function parseTraceState(value: HeaderValue): string[] | undefined {
  const text = single(value);
  if (text === undefined) return undefined;
  const members = text
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member !== '');
  const keys = new Set<string>();
  for (const member of members) {
    const equals = member.indexOf('=');
    const key = member.slice(0, equals);
    if (equals < 0 || !TRACESTATE_KEY.test(key) || !TRACESTATE_VALUE.test(member.slice(equals + 1)) || keys.has(key))
      return undefined;
    keys.add(key);
  }
  if (members.length === 0 || members.length > TRACESTATE_MAX_MEMBERS) return undefined;
  let kept = members;
  if (kept.join(',').length > TRACESTATE_MAX_LENGTH) kept = kept.filter((m) => m.length <= TRACESTATE_LONG_MEMBER);
  while (kept.join(',').length > TRACESTATE_MAX_LENGTH) kept = kept.slice(0, -1);
  return kept.length === 0 ? undefined : kept;
}

/**
 * The trace the caller's request belongs to, from its W3C `traceparent` (and `tracestate`). Invalid
 * headers are ignored, as the spec asks. Every call to Bitbucket made for the request carries the same
 * trace id with a parent id of its own (the outbound hop) and the caller's tracestate.
 */
export class TraceContext {
  private constructor(
    /** 32 lowercase hex digits, never all zeros. */
    readonly traceId: string,
    /** The caller's span: 16 lowercase hex digits. */
    readonly parentId: string,
    readonly sampled: boolean,
    private readonly traceState: readonly string[] | undefined,
  ) {}

  /** undefined when `traceparent` is missing or invalid; an invalid `tracestate` alone is dropped. */
  static fromHeaders(traceparent: HeaderValue, tracestate: HeaderValue): TraceContext | undefined {
    // A repeated traceparent arrives joined by Node, and fails the pattern: the spec makes it invalid.
    const match = TRACEPARENT.exec(single(traceparent) ?? '');
    if (match === null) return undefined;
    const [, version = '', traceId = '', parentId = '', flags = '', rest] = match;
    if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
    if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(parentId)) return undefined;
    return new TraceContext(
      traceId,
      parentId,
      (Number.parseInt(flags, 16) & SAMPLED) !== 0,
      parseTraceState(tracestate),
    );
  }

  /** The headers of one outbound request: same trace, a new parent id for this hop, the caller's tracestate. */
  outboundHeaders(): Record<string, string> {
    let spanId = randomBytes(8).toString('hex');
    while (ALL_ZEROS.test(spanId)) spanId = randomBytes(8).toString('hex');
    const traceparent = `00-${this.traceId}-${spanId}-${this.sampled ? '01' : '00'}`;
    return this.traceState === undefined ? { traceparent } : { traceparent, tracestate: this.traceState.join(',') };
  }
}
