import { ArgumentException } from '@app/common';
import { ArgumentErrorCode } from '../argument-error-code.enum';

// C0 and C1 controls and DEL: never part of a name, and some proxies act on them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Refuses what no part of a path may be, naming the argument it came from. */
function checkPart(field: string, part: string): void {
  if (part === '') throw new ArgumentException(ArgumentErrorCode.EMPTY_SEGMENT, field, 'empty path part');
  if (part === '.' || part === '..')
    throw new ArgumentException(ArgumentErrorCode.DOT_SEGMENT, field, `dot segment ${part}`);
  if (CONTROL_CHARACTER.test(part))
    throw new ArgumentException(ArgumentErrorCode.CONTROL_CHARACTER, field, 'control character');
  if (!part.isWellFormed()) throw new ArgumentException(ArgumentErrorCode.MALFORMED_UNICODE, field, 'lone surrogate');
}

const encodedPath = (path: string): string =>
  path === ''
    ? ''
    : path
        .split('/')
        .map((part) => encodeURIComponent(part))
        .join('/');

/**
 * The one place where arguments become parts of an upstream URL path. Every part is checked before it is
 * percent-encoded, so no argument can add, drop or climb a path segment: `.` and `..` would be folded by
 * URL resolution (`new URL`) and by proxies, an empty part shifts the route, a slash (even encoded, which
 * some proxies decode) adds one, and a lone surrogate makes `encodeURIComponent` throw.
 */
export const upstreamPath = {
  /** A name that is one path segment (a slug, key, hash or uuid). */
  segment(field: string, value: string): string {
    checkPart(field, value);
    if (value.includes('/') || value.includes('\\')) {
      throw new ArgumentException(ArgumentErrorCode.SLASH, field, 'slash in a single path segment');
    }
    return encodeURIComponent(value);
  },

  /** A ref name, which may hold slashes (`feature/login`): every part checked, the whole one encoded segment. */
  ref(field: string, value: string): string {
    for (const part of value.split('/')) checkPart(field, part);
    return encodeURIComponent(value);
  },

  /**
   * A path below the repository root, the way a model writes it, normalized: empty and `.` parts are
   * dropped and `..` folds its parent, but a path that climbs above the root is refused. The root is the
   * empty string. Unencoded: for messages and comparisons; `file` and `directory` are the URL forms.
   */
  normalized(field: string, value: string): string {
    const parts: string[] = [];
    for (const part of value.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (parts.pop() === undefined) {
          throw new ArgumentException(
            ArgumentErrorCode.OUTSIDE_REPOSITORY,
            field,
            `${value} climbs above the repository root`,
          );
        }
        continue;
      }
      checkPart(field, part);
      parts.push(part);
    }
    return parts.join('/');
  },

  /** A directory, encoded part by part with the slashes kept; the root is the empty string. */
  directory(field: string, value: string): string {
    return encodedPath(upstreamPath.normalized(field, value));
  },

  /** A file: like a directory, but never the root. */
  file(field: string, value: string): string {
    const path = upstreamPath.normalized(field, value);
    if (path === '') throw new ArgumentException(ArgumentErrorCode.ROOT_NOT_A_FILE, field, `${value} names the root`);
    return encodedPath(path);
  },
};
