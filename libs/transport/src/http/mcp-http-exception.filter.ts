import { RequestContext, sendErrorResponse, Translator } from '@app/common';
import { InvalidParamsException } from '@app/mcp';
import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { McpSessionRegistry } from '../session/mcp-session-registry.service';
import { TransportException } from '../transport.exception';

const first = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

/**
 * The MCP HTTP endpoints answer errors as JSON-RPC error objects (what MCP clients parse), with the
 * HTTP status, a localized message, the error code and the correlation id; never internals. The
 * language is the request's own, else (for a request of one of the caller's sessions) the session's,
 * as for every MCP answer (answerLocale), else the translator's.
 */
@Catch()
export class McpHttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('McpHttp');

  constructor(
    private readonly translator: Translator,
    private readonly registry: McpSessionRegistry,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const locale = this.locale(host.switchToHttp().getRequest<Request>());
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
          message: this.translator.error(response.code, response.params, locale, response.messageKey),
          data: { code: response.code, correlationId },
        },
      }),
    });
  }

  private locale(req: Request): string | undefined {
    const sessionId = first(req.headers['mcp-session-id']) ?? first(req.query.sessionId);
    const context = RequestContext.current();
    if (context?.requestedLocale !== undefined) return context.requestedLocale;
    // A request refused before authentication has no caller yet, hence no session of its own.
    const principalId = context?.principalId;
    return principalId === undefined ? undefined : this.registry.localeOf(sessionId, principalId);
  }
}
