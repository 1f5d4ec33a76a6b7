import { RequestContext, toErrorResponse, Translator } from '@app/common';
import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { TransportException } from '../transport.exception';

/**
 * The MCP HTTP endpoints answer errors as JSON-RPC error objects (what MCP clients parse), with the
 * HTTP status, a localized message, the error code and the correlation id; never internals.
 */
@Catch()
export class McpHttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('McpHttp');

  constructor(private readonly translator: Translator) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = toErrorResponse(exception);
    const correlationId = RequestContext.correlationId();
    if (response.unexpected) {
      this.logger.error({
        message: 'Unhandled error on an MCP endpoint',
        correlationId,
        error: exception instanceof Error ? exception.stack : String(exception),
      });
    }
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.end();
      return;
    }
    if (response.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(response.retryAfterSeconds))));
    }
    if (response.status === 405) res.setHeader('Allow', 'POST');
    res.status(response.status).json({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: exception instanceof TransportException ? exception.jsonRpcCode : -32000,
        message: this.translator.error(response.code, response.params),
        data: { code: response.code, correlationId },
      },
    });
  }
}
