import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_ID_HEADER, resolveCorrelationId } from './correlation-id';
import { RequestContext } from './request-context';
import { TraceContext } from './trace-context';

@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const correlationId = resolveCorrelationId(req.headers[CORRELATION_ID_HEADER]);
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
    const traceContext = TraceContext.fromHeaders(req.headers.traceparent, req.headers.tracestate);
    RequestContext.run(traceContext === undefined ? { correlationId } : { correlationId, traceContext }, next);
  }
}
