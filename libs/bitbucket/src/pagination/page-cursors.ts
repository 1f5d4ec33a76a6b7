import { ArgumentException } from '@app/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ArgumentErrorCode } from '../argument-error-code.enum';

/** 128 bits of HMAC-SHA256: forging one is out of reach, and cursors stay short. */
const MAC_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Cursors continue a listing. They carry the upstream's own continuation (Cloud: the `next` link below
 * the API root; Data Center: `nextPageStart`), base64url-encoded and followed by an HMAC over the listing
 * (`commits acme/payments-api main`) and that continuation. So a caller cannot alter one or replay it on
 * another listing, and never steers where the server reads. The key comes from CURSOR_SECRET, the same
 * on every replica, so any replica continues any cursor.
 */
export class PageCursors {
  constructor(private readonly key: Buffer) {}

  encode(listing: string, next: string | number): string {
    const body = Buffer.from(JSON.stringify(next)).toString('base64url');
    return `${body}.${this.mac(listing, body).toString('base64url')}`;
  }

  /** The continuation of a cursor issued for `listing`; undefined for no cursor (the first page). */
  decode(cursor: string | undefined, listing: string): string | number | undefined {
    if (cursor === undefined || cursor === '') return undefined;
    const [body = '', mac = '', ...rest] = cursor.split('.');
    const given = Buffer.from(mac, 'base64url');
    // Canonical base64url only: another spelling of the same bytes is an altered cursor too.
    const valid =
      rest.length === 0 &&
      BASE64URL.test(body) &&
      given.length === MAC_BYTES &&
      given.toString('base64url') === mac &&
      timingSafeEqual(given, this.mac(listing, body));
    const next: unknown = valid ? JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) : undefined;
    if (typeof next !== 'string' && typeof next !== 'number') {
      throw new ArgumentException(ArgumentErrorCode.FOREIGN_CURSOR, 'cursor', `not issued for listing ${listing}`);
    }
    return next;
  }

  private mac(listing: string, body: string): Buffer {
    // The body is base64url, which has no NUL: the last NUL is where the listing ends.
    return createHmac('sha256', this.key).update(listing).update('\0').update(body).digest().subarray(0, MAC_BYTES);
  }
}
