import { HttpException, HttpStatus } from '@nestjs/common';
import { AppException, type AppExceptionParams } from './app.exception';
import { CommonErrorCode } from './common-error-code.enum';

export interface ErrorResponse {
  readonly status: number;
  readonly code: string;
  readonly params: AppExceptionParams;
  /** The catalogue key of its message: the code, or a more precise one (AppExceptionOptions.messageKey). */
  readonly messageKey: string;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /** True when the error is ours to log as a defect rather than the caller's mistake. */
  readonly unexpected: boolean;
}

const CODE_BY_STATUS: Readonly<Partial<Record<number, CommonErrorCode>>> = {
  [HttpStatus.BAD_REQUEST]: CommonErrorCode.BAD_REQUEST,
  [HttpStatus.UNAUTHORIZED]: CommonErrorCode.UNAUTHORIZED,
  [HttpStatus.FORBIDDEN]: CommonErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: CommonErrorCode.NOT_FOUND,
  [HttpStatus.METHOD_NOT_ALLOWED]: CommonErrorCode.METHOD_NOT_ALLOWED,
  [HttpStatus.PAYLOAD_TOO_LARGE]: CommonErrorCode.PAYLOAD_TOO_LARGE,
  [HttpStatus.TOO_MANY_REQUESTS]: CommonErrorCode.TOO_MANY_REQUESTS,
  [HttpStatus.SERVICE_UNAVAILABLE]: CommonErrorCode.SERVICE_UNAVAILABLE,
};

function statusOfForeignError(error: unknown): number | undefined {
  // body-parser and other Express middleware signal client errors with a numeric `status`.
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const { status } = error;
    if (typeof status === 'number' && status >= 400 && status < 500) return status;
  }
  return undefined;
}

const INTERNAL: ErrorResponse = {
  status: HttpStatus.INTERNAL_SERVER_ERROR,
  code: CommonErrorCode.INTERNAL,
  messageKey: CommonErrorCode.INTERNAL,
  params: {},
  retryAfterSeconds: undefined,
  headers: {},
  unexpected: true,
};

/**
 * Classifies anything thrown into what a transport needs to answer, without leaking internals. Never
 * throws: a value that throws when looked at (a hostile `status` getter) is an internal error.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  try {
    return classify(error);
  } catch {
    return INTERNAL;
  }
}

function classify(error: unknown): ErrorResponse {
  if (error instanceof AppException) {
    return {
      status: error.status,
      code: error.code,
      messageKey: error.messageKey,
      params: error.params,
      retryAfterSeconds: error.retryAfterSeconds,
      headers: error.headers,
      unexpected: error.status >= 500 && error.status !== 503,
    };
  }
  const status = error instanceof HttpException ? error.getStatus() : statusOfForeignError(error);
  if (status !== undefined) {
    const code = CODE_BY_STATUS[status] ?? (status < 500 ? CommonErrorCode.BAD_REQUEST : CommonErrorCode.INTERNAL);
    return {
      status,
      code,
      messageKey: code,
      params: {},
      retryAfterSeconds: undefined,
      headers: {},
      unexpected: status >= 500,
    };
  }
  return INTERNAL;
}
