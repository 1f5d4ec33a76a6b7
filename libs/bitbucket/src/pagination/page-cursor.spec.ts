import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { pageCursor } from './page-cursor';

describe('pageCursor', () => {
  it('round-trips the upstream continuation for its own listing', () => {
    const cursor = pageCursor.encode(
      'commits acme/payments-api main',
      'https://api.bitbucket.org/2.0/repositories/acme/x/commits?page=abc',
    );
    expect(pageCursor.decode(cursor, 'commits acme/payments-api main')).toBe(
      'https://api.bitbucket.org/2.0/repositories/acme/x/commits?page=abc',
    );
    expect(pageCursor.decode(pageCursor.encode('projects', 50), 'projects')).toBe(50);
    expect(pageCursor.decode(undefined, 'projects')).toBeUndefined();
  });

  it('refuses a cursor of another listing, or garbage', () => {
    const cursor = pageCursor.encode('commits acme/a main', 25);
    for (const bad of [cursor, 'not-base64!', Buffer.from('{"l":"projects"}').toString('base64url')]) {
      expect(() => pageCursor.decode(bad, 'projects')).toThrow(
        expect.objectContaining({ code: BitbucketErrorCode.INVALID_CURSOR }) as Error,
      );
    }
  });
});
