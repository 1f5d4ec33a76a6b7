import { BitbucketClient } from '@app/bitbucket';
import { RequestContext, toErrorResponse, Translator } from '@app/common';
import { McpResourceTemplate, ResourceTemplateHandler, catalogueText, type ResourceTemplateDefinition } from '@app/mcp';
import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { randomUUID } from 'node:crypto';
import { BitbucketCompleters } from '../../completions/bitbucket-completers';
import { fileMimeType } from './file-mime-type';

/** MCP's JSON-RPC error code for a resource that does not exist (specification, resources). */
const RESOURCE_NOT_FOUND = -32002;

/**
 * A template variable decoded: the SDK hands them over as matched, still percent-encoded (a ref with a
 * slash arrives as %2F). Text that is not valid percent-encoding is taken as it is.
 */
function variable(variables: Readonly<Record<string, string | string[]>>, name: string): string {
  const value = variables[name];
  const raw = Array.isArray(value) ? value.join(',') : (value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A repository file at a ref as an MCP resource, for clients that attach files to a conversation
 * themselves. A resource is read whole and on purpose, so it is not windowed like get_file_content:
 * text comes back as text, and binary files as a base64 blob with their MIME type (an image a client
 * can show), which resources/read is made for. Failures are JSON-RPC errors with the localized message,
 * the code and the correlation id, never the upstream's words.
 */
@McpResourceTemplate()
@Injectable()
export class FileContentResource extends ResourceTemplateHandler {
  private readonly logger = new Logger('FileContentResource');

  readonly definition: ResourceTemplateDefinition;

  constructor(
    private readonly bitbucket: BitbucketClient,
    private readonly translator: Translator,
    completers: BitbucketCompleters,
  ) {
    super();
    this.definition = {
      name: 'repository_file',
      title: catalogueText('repository_file.title'),
      description: catalogueText('repository_file.description'),
      uriTemplate: 'bitbucket://{workspace}/{repo}/file/{ref}/{+path}',
      complete: { workspace: completers.workspace, repo: completers.repository, ref: completers.branch },
    };
  }

  async read(
    uri: URL,
    variables: Readonly<Record<string, string | string[]>>,
    signal: AbortSignal,
  ): Promise<ReadResourceResult> {
    try {
      const file = await this.bitbucket.getFileContent(
        { workspace: variable(variables, 'workspace'), repo: variable(variables, 'repo') },
        { path: variable(variables, 'path'), ref: variable(variables, 'ref') },
        { signal },
      );
      const mimeType = fileMimeType(file.path, file.binary);
      return {
        contents: [
          file.binary
            ? { uri: uri.href, mimeType, blob: file.content.toString('base64') }
            : { uri: uri.href, mimeType, text: file.content.toString('utf8') },
        ],
      };
    } catch (error) {
      throw this.failure(error, uri);
    }
  }

  private failure(error: unknown, uri: URL): McpError {
    const response = toErrorResponse(error);
    const correlationId = RequestContext.correlationId() ?? randomUUID();
    this.logger[response.unexpected ? 'error' : 'debug']({
      message: `Reading ${uri.href} failed with ${response.code}`,
      correlationId,
      error: error instanceof Error ? error.message : String(error),
    });
    const message = [
      this.translator.error(response.code, response.params),
      this.translator.t('mcp.ERROR_REFERENCE', { code: response.code, correlationId }),
    ].join('\n');
    const code =
      response.status === 404
        ? RESOURCE_NOT_FOUND
        : response.status < 500
          ? ErrorCode.InvalidParams
          : ErrorCode.InternalError;
    return new McpError(code, message, { code: response.code, correlationId });
  }
}
