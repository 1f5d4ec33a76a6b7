import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';

interface CursorBody {
  /** The listing the cursor belongs to (e.g. `commits acme/payments-api main`). */
  readonly l: string;
  /** Cloud: the `next` link (path and query); Data Center: `nextPageStart`. */
  readonly n: string | number;
}

/**
 * Cursors are opaque to callers but carry the upstream's own continuation. They name their listing, so
 * a cursor cannot be replayed against another listing, and Cloud links are re-checked against the
 * configured origin before they are followed.
 */
export const pageCursor = {
  encode(listing: string, next: string | number): string {
    return Buffer.from(JSON.stringify({ l: listing, n: next } satisfies CursorBody)).toString('base64url');
  },

  decode(cursor: string | undefined, listing: string): string | number | undefined {
    if (cursor === undefined || cursor === '') return undefined;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      body = undefined;
    }
    const parsed = body as Partial<CursorBody> | undefined;
    if (parsed?.l !== listing || (typeof parsed.n !== 'string' && typeof parsed.n !== 'number')) {
      throw new BitbucketException(BitbucketErrorCode.INVALID_CURSOR, `Cursor does not belong to listing ${listing}`);
    }
    return parsed.n;
  },
};
