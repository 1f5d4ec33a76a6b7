export type ByteRange = { readonly start: number; readonly end: number } | 'unsatisfiable';

/**
 * The single range of a `Range: bytes=a-b` header (also `a-` and `-suffix`) within `total` bytes, with
 * `end` inclusive; undefined when there is no usable header (the whole body is then served).
 */
export function parseByteRange(header: string | undefined, total: number): ByteRange | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (match === null) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || total === 0 ? 'unsatisfiable' : { start: Math.max(0, total - suffix), end: total - 1 };
  }
  const start = Number(first);
  const end = last === '' ? total - 1 : Math.min(Number(last), total - 1);
  return start >= total || end < start ? 'unsatisfiable' : { start, end };
}
