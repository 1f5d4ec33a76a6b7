import { FakeApiError } from './fake-api.error';

interface CloudErrorExtras {
  readonly detail?: string;
  readonly fields?: Readonly<Record<string, readonly string[]>>;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** `{"type":"error","error":{"message",…}}`: the Cloud error body (docs/bitbucket-api.md#cloud-errors). */
function cloudError(status: number, message: string, extras: CloudErrorExtras = {}): FakeApiError {
  const error: Record<string, unknown> = { message };
  if (extras.detail !== undefined) error.detail = extras.detail;
  if (extras.fields !== undefined) error.fields = extras.fields;
  if (extras.data !== undefined) error.data = extras.data;
  return new FakeApiError(status, { type: 'error', error }, extras.headers ?? {});
}

const CLOUD_REALM = { 'WWW-Authenticate': 'Basic realm="Bitbucket.org HTTP"' };

/** The errors Bitbucket Cloud answers, with its real messages where they are known. */
export const cloudErrors = {
  error: cloudError,
  notFound(what = 'Resource not found'): FakeApiError {
    return cloudError(404, what);
  },
  repositoryNotFound(): FakeApiError {
    return cloudError(
      404,
      'You may not have access to this repository or it no longer exists in this workspace. If you think this repository exists and you have access, make sure you are authenticated.',
    );
  },
  unauthenticated(): FakeApiError {
    return cloudError(401, 'Unauthorized', { headers: CLOUD_REALM });
  },
  invalidToken(): FakeApiError {
    return cloudError(401, 'Token is invalid, expired, or not supported for this endpoint.', { headers: CLOUD_REALM });
  },
  expiredAccessToken(): FakeApiError {
    return cloudError(401, 'Access token expired. Use your refresh token to obtain a new access token.', {
      headers: CLOUD_REALM,
    });
  },
  badRequest(message: string, field?: string, detail?: string): FakeApiError {
    return cloudError(400, message, {
      ...(field === undefined ? {} : { fields: { [field]: [message] } }),
      ...(detail === undefined ? {} : { detail }),
    });
  },
  /** CHANGE-2770: cross-workspace endpoints removed in 2026 (docs/bitbucket-api.md#cloud-removed-endpoints). */
  gone(): FakeApiError {
    return cloudError(410, 'CHANGE-2770 - Functionality has been deprecated', {
      detail: 'Please read the changelog entry for more details.',
      data: { announcement_url: 'https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770' },
    });
  },
  /** Plain text, no Retry-After: Cloud's real 429 (docs/bitbucket-api.md#cloud-rate-limits). */
  rateLimited(headers: Readonly<Record<string, string>> = {}): FakeApiError {
    return new FakeApiError(429, 'Rate limit for this resource has been exceeded', headers, 'text');
  },
};
