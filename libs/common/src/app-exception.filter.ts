import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Translator } from './translator';
import { errorResponseHeaders, toErrorResponse } from './error-response';
import { RequestContext } from './request-context';

/** The one HTTP error mapping: status, code, localized message and correlation id; never a stack or upstream body. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(AppExceptionFilter.name);

  constructor(private readonly translator: Translator) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = toErrorResponse(exception);
    const correlationId = RequestContext.correlationId();
    if (response.unexpected) {
      this.logger.error({
        message: 'Unhandled error while serving a request',
        correlationId,
        error: exception instanceof Error ? exception.stack : String(exception),
      });
    }
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      // A stream already started: the status line is gone, so the only honest answer is to end it.
      res.end();
      return;
    }
    res.set(errorResponseHeaders(response));
    res.status(response.status).json({
      error: {
        code: response.code,
        message: this.translator.error(response.code, response.params),
        correlationId,
      },
    });
  }
}
