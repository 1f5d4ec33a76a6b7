import { BitbucketException } from '../src/bitbucket.exception';

/** The BitbucketException `promise` rejects with; resolving, or any other error, fails the test. */
export async function bitbucketFailure(promise: Promise<unknown>): Promise<BitbucketException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BitbucketException) return error;
    throw error;
  }
  throw new Error('expected a BitbucketException');
}
