import { ArgumentException } from '@app/common';
import { ArgumentErrorCode } from '../argument-error-code.enum';
import { upstreamPath } from './upstream-path';

/** The code and field an upstreamPath call is refused with. */
function refusal(build: () => string): { code: string; field: string } {
  try {
    build();
  } catch (error) {
    if (error instanceof ArgumentException) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected an ArgumentException');
}

describe('upstreamPath', () => {
  describe('segment', () => {
    it('encodes a name into exactly one segment', () => {
      expect(upstreamPath.segment('repo', 'payments-api')).toBe('payments-api');
      expect(upstreamPath.segment('repo', '{0b1c…}')).toBe('%7B0b1c%E2%80%A6%7D');
      expect(upstreamPath.segment('repo', 'a b?c#d%2e')).toBe('a%20b%3Fc%23d%252e');
      expect(upstreamPath.segment('repo', '...')).toBe('...');
    });

    it.each([
      ['', ArgumentErrorCode.EMPTY_SEGMENT],
      ['.', ArgumentErrorCode.DOT_SEGMENT],
      ['..', ArgumentErrorCode.DOT_SEGMENT],
      ['acme/payments-api', ArgumentErrorCode.SLASH],
      ['..\\user', ArgumentErrorCode.SLASH],
      ['pay\nments', ArgumentErrorCode.CONTROL_CHARACTER],
      ['pay\u0000', ArgumentErrorCode.CONTROL_CHARACTER],
      ['pay\u0085', ArgumentErrorCode.CONTROL_CHARACTER],
      ['\ud800', ArgumentErrorCode.MALFORMED_UNICODE],
      ['x\udfff', ArgumentErrorCode.MALFORMED_UNICODE],
    ])('refuses %j as %s, naming the argument', (value, code) => {
      expect(refusal(() => upstreamPath.segment('workspace', value))).toEqual({ code, field: 'workspace' });
    });
  });

  describe('ref', () => {
    it('keeps a slashed branch name as one encoded segment', () => {
      expect(upstreamPath.ref('name', 'feature/refund-tests')).toBe('feature%2Frefund-tests');
    });

    it.each([
      ['..', ArgumentErrorCode.DOT_SEGMENT],
      ['feature/../main', ArgumentErrorCode.DOT_SEGMENT],
      ['feature//x', ArgumentErrorCode.EMPTY_SEGMENT],
      ['feature/', ArgumentErrorCode.EMPTY_SEGMENT],
      ['feature/\ud800', ArgumentErrorCode.MALFORMED_UNICODE],
    ])('refuses %j as %s', (value, code) => {
      expect(refusal(() => upstreamPath.ref('name', value))).toEqual({ code, field: 'name' });
    });
  });

  describe('normalized, directory and file', () => {
    it.each([
      ['src/index.ts', 'src/index.ts'],
      ['/src//./index.ts/', 'src/index.ts'],
      ['src/payments/../index.ts', 'src/index.ts'],
      ['', ''],
      ['.', ''],
      ['src/..', ''],
    ])('normalizes %j to %j', (value, normalized) => {
      expect(upstreamPath.normalized('path', value)).toBe(normalized);
    });

    it('encodes each part and keeps the slashes between them', () => {
      expect(upstreamPath.file('path', 'docs/read me?.md')).toBe('docs/read%20me%3F.md');
      expect(upstreamPath.directory('path', './')).toBe('');
      expect(upstreamPath.directory('path', 'src/./lib/')).toBe('src/lib');
    });

    it.each([
      ['..', ArgumentErrorCode.OUTSIDE_REPOSITORY],
      ['', ArgumentErrorCode.ROOT_NOT_A_FILE],
      ['src/..', ArgumentErrorCode.ROOT_NOT_A_FILE],
      ['../../../identity-service/README.md', ArgumentErrorCode.OUTSIDE_REPOSITORY],
      ['src/../../user', ArgumentErrorCode.OUTSIDE_REPOSITORY],
      ['src/\u0007bell', ArgumentErrorCode.CONTROL_CHARACTER],
      ['src/\ud800.ts', ArgumentErrorCode.MALFORMED_UNICODE],
    ])('refuses %j as %s', (value, code) => {
      expect(refusal(() => upstreamPath.file('path', value))).toEqual({ code, field: 'path' });
    });
  });
});
