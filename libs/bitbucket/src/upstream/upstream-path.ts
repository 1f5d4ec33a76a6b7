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
   * A file or directory below the repository root, the way a model writes it, normalized: empty and `.`
   * parts are dropped and `..` folds its parent, but a path that climbs above the root is refused. The
   * root is the empty string. Unencoded: for messages and comparisons; `file` is the URL form.
   */
  filePath(field: string, value: string): string {
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

  /** `filePath` with each part encoded and the slashes between them kept. */
  file(field: string, value: string): string {
    const path = upstreamPath.filePath(field, value);
    return path === ''
      ? ''
      : path
          .split('/')
          .map((part) => encodeURIComponent(part))
          .join('/');
  },
};
