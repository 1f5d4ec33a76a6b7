import fc from 'fast-check';
import { argumentsArbitrary, type ArgumentSources } from './arguments.arbitrary';
import { forgedCursor } from './forged-cursor.arbitrary';
import type { JsonSchema } from './json-schema';
import type { CursorReplay, McpCall } from './mcp-call';
import type { McpCatalogue, PromptListing } from './mcp-catalogue';
import type { ResourceTemplateListing } from './named-calls';

const TEMPLATE_VARIABLE = /\{(\+?)(\w+)\}/g;

const stringsSchema = (names: readonly string[], required: readonly string[]): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries(names.map((name) => [name, { type: 'string' }])),
  required,
});

function encoded(value: string, reserved: boolean): string {
  try {
    return reserved ? encodeURI(value) : encodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A URI of the template with each variable filled (percent-encoded as RFC 6570 does, unless `raw`). */
function resourceRead(template: ResourceTemplateListing, sources: ArgumentSources): fc.Arbitrary<McpCall> {
  const variables = [...template.uriTemplate.matchAll(TEMPLATE_VARIABLE)].map((match) => match[2] ?? '');
  return fc
    .tuple(argumentsArbitrary(stringsSchema(variables, variables), sources, { malformed: false }), fc.boolean())
    .map(([values, raw]): McpCall => {
      const uri = template.uriTemplate.replace(TEMPLATE_VARIABLE, (_, plus: string, name: string) => {
        const value = (values as Record<string, unknown>)[name];
        const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
        return raw ? text : encoded(text, plus === '+');
      });
      return { method: 'resources/read', params: { uri } };
    });
}

function promptGet(prompt: PromptListing, sources: ArgumentSources): fc.Arbitrary<McpCall> {
  const declared = prompt.arguments ?? [];
  const schema = stringsSchema(
    declared.map((argument) => argument.name),
    declared.filter((argument) => argument.required === true).map((argument) => argument.name),
  );
  return argumentsArbitrary(schema, sources, { malformed: true }).map((args): McpCall => ({
    method: 'prompts/get',
    params: { name: prompt.name, arguments: args },
  }));
}

/**
 * The tool phase's requests: every tool the server lists, with arguments built from its input schema; the
 * listing calls that gave cursors, replayed with those cursors forged (`targets`: where to); and the
 * prompts and resource templates, which name repositories too.
 */
export function mcpCallArbitrary(
  catalogue: McpCatalogue,
  sources: ArgumentSources,
  replays: readonly CursorReplay[],
  targets: readonly (string | number)[],
): fc.Arbitrary<McpCall> {
  const toolCall = fc.oneof(
    ...catalogue.tools.map((tool) =>
      argumentsArbitrary(tool.inputSchema, sources, { malformed: true }).map((args): McpCall => ({
        method: 'tools/call',
        params: { name: tool.name, arguments: args },
      })),
    ),
  );
  const options: fc.WeightedArbitrary<McpCall>[] = [{ weight: 16, arbitrary: toolCall }];
  if (replays.length > 0) {
    const replay = fc.constantFrom(...replays).chain(({ call, cursor }) =>
      forgedCursor([cursor], targets).map((forged): McpCall => ({
        method: call.method,
        params: { ...call.params, arguments: { ...(call.params.arguments as object), cursor: forged } },
      })),
    );
    options.push({ weight: 3, arbitrary: replay });
  }
  for (const template of catalogue.templates) options.push({ weight: 1, arbitrary: resourceRead(template, sources) });
  for (const prompt of catalogue.prompts) options.push({ weight: 1, arbitrary: promptGet(prompt, sources) });
  return fc.oneof(...options);
}
