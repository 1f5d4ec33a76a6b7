export { AppException, type AppExceptionOptions, type AppExceptionParams } from './app.exception';
export { AppExceptionFilter } from './app-exception.filter';
export { CommonErrorCode } from './common-error-code.enum';
export { CORRELATION_ID_HEADER, resolveCorrelationId } from './correlation-id';
export { CorrelationIdMiddleware } from './correlation-id.middleware';
export { toErrorResponse, type ErrorResponse } from './error-response';
export { RequestContext, type RequestContextData } from './request-context';
export { Translator } from './translator';
