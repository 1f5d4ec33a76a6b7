import { FakeApiError } from './fake-api.error';

/** `{"errors":[{"context","message","exceptionName"}]}`: the Data Center error body. */
function dcError(
  status: number,
  message: string,
  exceptionName: string | null,
  options: {
    context?: string | null;
    extra?: Readonly<Record<string, unknown>>;
    headers?: Readonly<Record<string, string>>;
  } = {},
): FakeApiError {
  return new FakeApiError(
    status,
    { errors: [{ context: options.context ?? null, message, exceptionName, ...(options.extra ?? {}) }] },
    options.headers ?? {},
  );
}

const DC_REALM = { 'WWW-Authenticate': 'Basic realm="Atlassian Bitbucket"' };

/** The errors Bitbucket Data Center answers, with its exception class names. */
export const datacenterErrors = {
  error: dcError,
  notAuthenticated(): FakeApiError {
    return dcError(
      401,
      'You are not permitted to access this resource',
      'com.atlassian.bitbucket.AuthorisationException',
      {
        headers: DC_REALM,
      },
    );
  },
  badCredentials(): FakeApiError {
    return dcError(
      401,
      'Authentication failed. Please check your credentials and try again.',
      'com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException',
      { headers: DC_REALM },
    );
  },
  noSuchProject(key: string): FakeApiError {
    return dcError(404, `Project ${key} does not exist.`, 'com.atlassian.bitbucket.project.NoSuchProjectException');
  },
  noSuchRepository(slug: string): FakeApiError {
    return dcError(
      404,
      `Repository ${slug} does not exist.`,
      'com.atlassian.bitbucket.repository.NoSuchRepositoryException',
    );
  },
  notFound(message: string, exceptionName: string | null = null): FakeApiError {
    return dcError(404, message, exceptionName);
  },
  badRequest(message: string, context: string | null = null): FakeApiError {
    return dcError(400, message, null, { context });
  },
  rateLimited(retryAfterSeconds: number): FakeApiError {
    return dcError(
      429,
      'Too many requests. Please try again later.',
      'com.atlassian.bitbucket.ratelimit.RateLimitExceededException',
      {
        headers: { 'Retry-After': String(retryAfterSeconds) },
      },
    );
  },
};
