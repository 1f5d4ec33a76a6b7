import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { sendErrorResponse } from './send-error-response';
import { Translator } from './translator';

/** The one HTTP error mapping: status, code, localized message and correlation id; never a stack or upstream body. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppExceptionFilter.name);

  constructor(private readonly translator: Translator) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    sendErrorResponse(exception, host, {
      logger: this.logger,
      unexpectedMessage: 'Unhandled error while serving a request',
      body: (response, correlationId) => ({
        error: {
          code: response.code,
          message: this.translator.error(response.code, response.params, undefined, response.messageKey),
          correlationId,
        },
      }),
    });
  }
}
