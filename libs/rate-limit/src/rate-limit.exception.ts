import { AppException, type AppExceptionOptions } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { RateLimitErrorCode } from './rate-limit-error-code.enum';

/** A refused request: 429 over a limit, 503 when limits cannot be checked and fail closed; always with Retry-After. */
export class RateLimitException extends AppException {
  declare readonly code: RateLimitErrorCode;

  constructor(code: RateLimitErrorCode, message: string, options: AppExceptionOptions) {
    super(
      code,
      code === RateLimitErrorCode.UNAVAILABLE ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS,
      message,
      options,
    );
  }
}
