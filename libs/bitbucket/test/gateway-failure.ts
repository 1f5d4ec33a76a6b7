import { AppException } from '@app/common';

/** The error `promise` rejects with (what the gateway lets escape); resolving, or anything else, fails the test. */
export async function gatewayFailure(promise: Promise<unknown>): Promise<AppException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('expected an AppException');
}
