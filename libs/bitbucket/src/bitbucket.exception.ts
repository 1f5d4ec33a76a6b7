import { AppException, type AppExceptionOptions } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { BitbucketErrorCode } from './bitbucket-error-code.enum';

const STATUS: Readonly<Record<BitbucketErrorCode, HttpStatus>> = {
  [BitbucketErrorCode.UPSTREAM_UNAVAILABLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [BitbucketErrorCode.UPSTREAM_TIMEOUT]: HttpStatus.GATEWAY_TIMEOUT,
  [BitbucketErrorCode.UPSTREAM_ERROR]: HttpStatus.BAD_GATEWAY,
  [BitbucketErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [BitbucketErrorCode.UNAUTHORIZED]: HttpStatus.BAD_GATEWAY,
  [BitbucketErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [BitbucketErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [BitbucketErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [BitbucketErrorCode.VALIDATION]: HttpStatus.BAD_REQUEST,
  [BitbucketErrorCode.CANCELLED]: HttpStatus.REQUEST_TIMEOUT,
  [BitbucketErrorCode.UNSUPPORTED]: HttpStatus.NOT_IMPLEMENTED,
  [BitbucketErrorCode.FOREIGN_LINK]: HttpStatus.BAD_GATEWAY,
};

/** The only error that leaves the gateway; `message` is for operators, `code` + params for users. */
export class BitbucketException extends AppException {
  declare readonly code: BitbucketErrorCode;

  constructor(code: BitbucketErrorCode, message: string, options: AppExceptionOptions = {}) {
    super(code, STATUS[code], message, options);
  }
}
