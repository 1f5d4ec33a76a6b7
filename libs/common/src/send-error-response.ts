import type { ArgumentsHost, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { describeThrown } from './describe-thrown';
import { toErrorResponse, type ErrorResponse } from './error-response';
import { RequestContext } from './request-context';

/** What an HTTP exception filter says on its own: where it logs, and how its error body reads. */
export interface ErrorResponseWriting {
  readonly logger: Logger;
  /** The log message of an error that is a defect of ours (logged with its stack). */
  readonly unexpectedMessage: string;
  readonly body: (response: ErrorResponse, correlationId: string | undefined) => unknown;
}

/** The headers an error answer carries: `Retry-After` when the client should wait, and any challenge. */
function errorResponseHeaders(response: ErrorResponse): Record<string, string> {
  return {
    ...(response.retryAfterSeconds === undefined
      ? {}
      : { 'Retry-After': String(Math.max(1, Math.ceil(response.retryAfterSeconds))) }),
    ...response.headers,
  };
}

/**
 * Answers an exception an HTTP filter caught: logs it when it is unexpected, then writes the status,
 * the error headers and the body the filter words. Never a stack or an upstream body.
 */
export function sendErrorResponse(exception: unknown, host: ArgumentsHost, writing: ErrorResponseWriting): void {
  const response = toErrorResponse(exception);
  const correlationId = RequestContext.correlationId();
  if (response.unexpected) {
    writing.logger.error({
      message: writing.unexpectedMessage,
      correlationId,
      error: describeThrown(exception, 'stack'),
    });
  }
  const res = host.switchToHttp().getResponse<Response>();
  if (res.headersSent) {
    // A stream already started: the status line is gone, so the only honest answer is to end it.
    res.end();
    return;
  }
  res.set(errorResponseHeaders(response));
  res.status(response.status).json(writing.body(response, correlationId));
}
