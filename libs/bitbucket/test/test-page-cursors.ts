import { randomBytes } from 'node:crypto';
import { PageCursors } from '../src/pagination/page-cursors';

/** Cursors signed with a key of this test run, as a server without BITBUCKET_CURSOR_SECRET makes them. */
export function testPageCursors(): PageCursors {
  return new PageCursors(randomBytes(32));
}
