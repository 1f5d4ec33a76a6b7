import { ArgumentException } from '@app/common';
import { randomBytes } from 'node:crypto';
import { ArgumentErrorCode } from '../argument-error-code.enum';
import { PageCursors } from './page-cursors';

const LISTING = 'commits acme/payments-api main';
const NEXT = 'repositories/acme/payments-api/commits/main?page=abc';

function refused(decode: () => unknown): boolean {
  try {
    decode();
  } catch (error) {
    return error instanceof ArgumentException && error.code === (ArgumentErrorCode.FOREIGN_CURSOR as string);
  }
  return false;
}

describe('PageCursors', () => {
  const cursors = new PageCursors(randomBytes(32));

  it('round-trips the continuation of its own listing, and reads no cursor as the first page', () => {
    expect(cursors.decode(cursors.encode(LISTING, NEXT), LISTING)).toBe(NEXT);
    expect(cursors.decode(cursors.encode('projects', 50), 'projects')).toBe(50);
    expect(cursors.decode(undefined, LISTING)).toBeUndefined();
    expect(cursors.decode('', LISTING)).toBeUndefined();
  });

  it('is opaque: nothing of the listing, and the continuation only encoded', () => {
    const cursor = cursors.encode(LISTING, NEXT);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(cursor).not.toContain('acme');
  });

  it('is honoured by every replica that shares the key, and by no other', () => {
    const key = randomBytes(32);
    const cursor = new PageCursors(key).encode(LISTING, NEXT);
    expect(new PageCursors(Buffer.from(key)).decode(cursor, LISTING)).toBe(NEXT);
    expect(refused(() => new PageCursors(randomBytes(32)).decode(cursor, LISTING))).toBe(true);
  });

  it('refuses a cursor of another listing, an altered or forged one, and garbage', () => {
    const cursor = cursors.encode(LISTING, NEXT);
    const [body = '', mac = ''] = cursor.split('.');
    const forgedBody = Buffer.from(JSON.stringify('user')).toString('base64url');
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      cursors.encode('commits acme/identity-service main', NEXT),
      `${forgedBody}.${mac}`,
      `${body}.${flipped}`,
      `${body}.${mac}.extra`,
      body,
      `${body}.`,
      'not a cursor!',
      Buffer.from(JSON.stringify({ l: LISTING, n: '/user' })).toString('base64url'),
    ]) {
      expect(refused(() => cursors.decode(bad, LISTING))).toBe(true);
    }
  });
});
