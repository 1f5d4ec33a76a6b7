import { AppException, type AppExceptionOptions } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { TransportErrorCode } from './transport-error-code.enum';

const STATUS: Readonly<Record<TransportErrorCode, HttpStatus>> = {
  [TransportErrorCode.PARSE_ERROR]: HttpStatus.BAD_REQUEST,
  [TransportErrorCode.INVALID_MESSAGE]: HttpStatus.BAD_REQUEST,
  // The session already has a request with that id in flight: the request conflicts with its state.
  [TransportErrorCode.DUPLICATE_REQUEST_ID]: HttpStatus.CONFLICT,
  [TransportErrorCode.BATCH_NOT_SUPPORTED]: HttpStatus.BAD_REQUEST,
  [TransportErrorCode.BODY_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [TransportErrorCode.NOT_ACCEPTABLE]: HttpStatus.NOT_ACCEPTABLE,
  [TransportErrorCode.UNSUPPORTED_MEDIA_TYPE]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [TransportErrorCode.UNSUPPORTED_PROTOCOL_VERSION]: HttpStatus.BAD_REQUEST,
  [TransportErrorCode.SESSION_REQUIRED]: HttpStatus.BAD_REQUEST,
  [TransportErrorCode.SESSION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TransportErrorCode.SESSIONS_FULL]: HttpStatus.SERVICE_UNAVAILABLE,
  // This client holds as many sessions as one may (a quota, like a rate: RFC 6585), not a server fault;
  // closing one of its own sessions, or waiting for an idle one to expire, lets it open another.
  [TransportErrorCode.SESSION_QUOTA]: HttpStatus.TOO_MANY_REQUESTS,
  [TransportErrorCode.SHUTTING_DOWN]: HttpStatus.SERVICE_UNAVAILABLE,
  [TransportErrorCode.METHOD_NOT_ALLOWED]: HttpStatus.METHOD_NOT_ALLOWED,
  [TransportErrorCode.ORIGIN_FORBIDDEN]: HttpStatus.FORBIDDEN,
  [TransportErrorCode.HOST_FORBIDDEN]: HttpStatus.FORBIDDEN,
};

/** JSON-RPC error codes of the MCP HTTP transports (the SDK uses -32000 for transport-level refusals). */
const JSON_RPC_CODE: Readonly<Partial<Record<TransportErrorCode, number>>> = {
  [TransportErrorCode.PARSE_ERROR]: -32700,
  [TransportErrorCode.INVALID_MESSAGE]: -32600,
  [TransportErrorCode.DUPLICATE_REQUEST_ID]: -32600,
  [TransportErrorCode.BATCH_NOT_SUPPORTED]: -32600,
  [TransportErrorCode.SESSION_NOT_FOUND]: -32001,
};

export class TransportException extends AppException {
  declare readonly code: TransportErrorCode;

  constructor(code: TransportErrorCode, message: string, options: AppExceptionOptions = {}) {
    super(code, STATUS[code], message, options);
  }

  get jsonRpcCode(): number {
    return JSON_RPC_CODE[this.code] ?? -32000;
  }
}
