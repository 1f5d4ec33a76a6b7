import { sendErrorResponse, Translator } from '@app/common';
import { InvalidParamsException } from '@app/mcp';
import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
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
    sendErrorResponse(exception, host, {
      logger: this.logger,
      unexpectedMessage: 'Unhandled error on an MCP endpoint',
      body: (response, correlationId) => ({
        jsonrpc: '2.0',
        id: null,
        error: {
          code:
            exception instanceof TransportException || exception instanceof InvalidParamsException
              ? exception.jsonRpcCode
              : -32000,
          message: this.translator.error(response.code, response.params),
          data: { code: response.code, correlationId },
        },
      }),
    });
  }
}
