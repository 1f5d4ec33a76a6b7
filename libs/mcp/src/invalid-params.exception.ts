import { AppException } from '@app/common';
import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';

/** A request whose params break the MCP schema of its method; `details` names the fields, already localized. */
export class InvalidParamsException extends AppException {
  readonly jsonRpcCode = ErrorCode.InvalidParams;

  constructor(method: string, details: string) {
    super('MCP_INVALID_PARAMS', HttpStatus.BAD_REQUEST, `Invalid params for ${method}: ${details}`, {
      params: { method, details },
    });
  }
}
