import { HttpStatus } from '@nestjs/common';
import { AppException } from './app.exception';

/**
 * An argument the input schema let through but that cannot be used (a path climbing out of the
 * repository, a forged cursor), named by `field`. Its code, like every error code, is the i18n key of
 * the message, which takes `field` as parameter; a tool call reports it like a schema failure.
 */
export class ArgumentException extends AppException {
  constructor(
    code: string,
    readonly field: string,
    message: string,
  ) {
    super(code, HttpStatus.BAD_REQUEST, `${field}: ${message}`, { params: { field } });
  }
}
