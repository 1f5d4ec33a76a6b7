import { AppException } from '@app/common';
import { HttpStatus } from '@nestjs/common';

/**
 * Arguments that pass the input schema but do not make sense together (a line without a path,
 * an update changing nothing): answered like a schema failure, with a localized explanation.
 */
export class ToolArgumentsException extends AppException {
  constructor(tool: string, details: string) {
    super('TOOL_INVALID_ARGUMENTS', HttpStatus.BAD_REQUEST, `Invalid arguments for ${tool}: ${details}`, {
      params: { name: tool, details },
    });
  }
}
