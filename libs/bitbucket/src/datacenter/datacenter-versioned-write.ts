import type { AppExceptionParams } from '@app/common';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';

/**
 * A write of a Data Center resource that carries its optimistic-locking `version` (pull requests,
 * comments, tasks), so that callers never deal with versions: the resource is read, written with the
 * version read, and a 409 is told apart from other conflicts by reading the version again (the error
 * body never reaches the adapters, and its message is localized). On a stale version, `retry` writes
 * once more with the version read again; `fail`, or a second stale version, fails as CONFLICT saying so.
 */
export async function datacenterVersionedWrite<R extends { readonly version?: number }, T>(
  subject: { readonly label: string; readonly messageKey: string; readonly params: AppExceptionParams },
  read: () => Promise<R>,
  write: (current: R) => Promise<T>,
  onStale: 'retry' | 'fail',
): Promise<T> {
  let current = await read();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write(current);
    } catch (error) {
      if (!(error instanceof BitbucketException) || error.code !== BitbucketErrorCode.CONFLICT) throw error;
      const now = await read();
      // Same version: the conflict is about something else (merge conflicts, a closed pull request…).
      if (now.version === current.version) throw error;
      if (onStale === 'retry' && attempt === 1) {
        current = now;
        continue;
      }
      throw new BitbucketException(
        BitbucketErrorCode.CONFLICT,
        `${subject.label} changed while it was being written (version ${current.version ?? '?'}, now ${now.version ?? '?'})`,
        {
          messageKey: subject.messageKey,
          params: { status: 409, ...subject.params },
          cause: error,
        },
      );
    }
  }
}
