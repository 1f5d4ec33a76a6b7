import { AppException, type AppExceptionOptions } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { AuthErrorCode } from './auth-error-code.enum';

const STATUS: Readonly<Record<AuthErrorCode, HttpStatus>> = {
  [AuthErrorCode.CREDENTIALS_REQUIRED]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.INVALID_CREDENTIALS]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.TOKEN_EXPIRED]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.INSUFFICIENT_SCOPE]: HttpStatus.FORBIDDEN,
};

/** Refusals of the auth lib; their `WWW-Authenticate` challenge travels in `headers`. */
export class AuthException extends AppException {
  declare readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string, options: AppExceptionOptions = {}) {
    super(code, STATUS[code], message, options);
  }
}
