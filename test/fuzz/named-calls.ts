import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import type { NamedCall } from './named-call';

/** A resource template as resources/templates/list gives it. */
export interface ResourceTemplateListing {
  readonly name: string;
  readonly uriTemplate: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A template variable as the server decodes it (libs/tools/src/files/file-content-resource). */
function decoded(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value.join(',') : (value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function resourceCall(uri: string, templates: readonly ResourceTemplateListing[]): NamedCall[] {
  let href: string;
  try {
    // As the SDK reads it (McpServer's resources/read handler): parsed, then matched as printed back.
    href = new URL(uri).toString();
  } catch {
    return [];
  }
  for (const template of templates) {
    const variables = new UriTemplate(template.uriTemplate).match(href);
    if (variables !== null) {
      const args = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, decoded(value)]));
      return [{ tool: `resource ${template.name}`, args }];
    }
  }
  return [];
}

/** The calls a POST body makes that may reach Bitbucket (a message, or each message of a batch). */
export function namedCalls(body: string, templates: readonly ResourceTemplateListing[]): NamedCall[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((message): NamedCall[] => {
    if (!isRecord(message) || !isRecord(message.params)) return [];
    const { name, arguments: args, uri } = message.params;
    switch (message.method) {
      case 'tools/call':
        return typeof name === 'string' ? [{ tool: name, args }] : [];
      case 'prompts/get':
        return typeof name === 'string' ? [{ tool: `prompt ${name}`, args }] : [];
      case 'resources/read':
        return typeof uri === 'string' ? resourceCall(uri, templates) : [];
      case 'completion/complete': {
        // The arguments already chosen name the workspace and repository a completer lists in.
        const { argument, context } = message.params;
        if (!isRecord(argument) || typeof argument.name !== 'string') return [];
        const chosen = isRecord(context) && isRecord(context.arguments) ? context.arguments : {};
        return [{ tool: `completion ${argument.name}`, args: chosen }];
      }
      default:
        return [];
    }
  });
}
