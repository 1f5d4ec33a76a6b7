import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { BitbucketConfig } from '../bitbucket.config';
import { PageCursors } from './page-cursors';

/** Cursors signed with BITBUCKET_CURSOR_SECRET, or with a key of this process when it is unset. */
export function createPageCursors(config: BitbucketConfig): PageCursors {
  if (config.cursorSecret !== undefined) return new PageCursors(Buffer.from(config.cursorSecret, 'utf8'));
  new Logger('Bitbucket').log(
    'BITBUCKET_CURSOR_SECRET is unset: page cursors are signed with a key made at start, valid on this replica until it stops',
  );
  return new PageCursors(randomBytes(32));
}
