import { BitbucketErrorCode, BitbucketException } from '@app/bitbucket';

/**
 * What a pipeline tool throws when the client cancels it between upstream calls, the same error an
 * upstream call aborted by the cancellation throws (the SDK drops the answer to a cancelled request anyway).
 */
export function cancelled(what: string, cause: unknown): BitbucketException {
  return new BitbucketException(BitbucketErrorCode.CANCELLED, `${what} was cancelled`, { cause });
}
