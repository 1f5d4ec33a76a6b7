import type { BitbucketFlavor } from '@app/bitbucket';
import { TOOLSETS } from '@app/mcp';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import { markdownTable } from './markdown-table';
import type { ToolCatalogue } from './tool-catalogue';

/** The part of JSON Schema that input schemas use (zod's output through the SDK). */
interface JsonSchema {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly (string | number)[];
  readonly anyOf?: readonly JsonSchema[];
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

const FLAVOR_NAMES: Record<BitbucketFlavor, string> = { cloud: 'Cloud', datacenter: 'Data Center' };

const INTRO = [
  '## How the tools work',
  '',
  '**Both flavors.** One catalogue serves Bitbucket Cloud and Bitbucket Data Center; the server knows which it talks to from `BITBUCKET_URL` (or `BITBUCKET_FLAVOR`). `workspace` is a Cloud workspace slug or a Data Center project key. A tool needing what only one flavor has is offered only there: the Flavors columns say where; called by name on the other flavor, it answers `TOOL_UNAVAILABLE`, saying what that flavor lacks and what to use instead (`list_pipelines` on Data Center: it has no Pipelines, `list_build_statuses` shows the build results of a commit). **Errors name what was not found** (the workspace or project, repository, pull request, branch or ref, file…) and the listing tool that finds the right name.',
  '',
  '**Token efficiency.**',
  '',
  '- Compact projections: a tool answers with the fields that matter as short text (one line per listed item), never as Bitbucket’s raw JSON. With `MCP_STRUCTURED_OUTPUT=true`, tools/list also gives each tool’s output schema and every answer carries the same data as `structuredContent` matching it (off by default: clients such as Claude Code and VS Code hand the model that JSON instead of the text, up to 2.5 times as long).',
  '- A compact catalogue: tools/list advertises input schemas without what only validation needs (string lengths, patterns, integer bounds of ±2^53); the server still checks every argument against the full schema. The default catalogue costs under 40,000 bytes of JSON (`apps/mcp-http/test/tool-catalogue-budget.e2e-spec.ts`); toolsets and read-only mode trim it further.',
  '- Cursors: listings return a page (`limit`) and a `cursor` when there is more; pass it back as `cursor` for the next page. A cursor is opaque and signed (`BITBUCKET_CURSOR_SECRET`): it continues only the listing that issued it, unaltered.',
  '- Response budgets: an answer longer than `MCP_RESPONSE_BUDGET_CHARS` is cut on an item or line boundary and says so, naming the arguments that get the rest (a smaller `limit`, `fromLine`, `skipFiles`, `lineOffset`…): continuations are explicit, nothing is dropped silently.',
  '- Diffs come as raw unified diff text (git format), capped per file (`maxLinesPerFile`) and to the budget; `paths` narrows them to some files, and a diffstat tool lists the changed files first.',
  '',
  '**Safety.**',
  '',
  '- Kind comes from each tool’s MCP annotations: _read_ tools only read; _write_ tools create or change something (twice does it twice); _idempotent write_ tools set a state (twice is the same as once); _destructive_ tools cannot be undone.',
  '- A destructive tool runs only once the user agreed: the server asks them through MCP elicitation when the client supports it; other clients must pass `confirm: true`, having asked the user themselves.',
  '- Read-only mode (`MCP_READ_ONLY=true`) offers only read tools and refuses the others even when called by name.',
  '- Arguments name only what the tool is about: slugs, keys and ref names must look like what Bitbucket documents, and a file path is read from the repository root (`a/../b` is `b`; a path climbing above the root, an empty, `.` or `..` name, a control character or malformed Unicode is an argument error naming the argument). No argument can make the server call another Bitbucket address than the tool names.',
  '- Over HTTP, read tools need the read scope and the others the write scope ([scopes](authentication.md#scopes)); Bitbucket still applies the permissions of the credential the server uses.',
  '',
  '**Time limit.** A call still running after `MCP_TOOL_TIMEOUT_MS` (default 5 minutes) is stopped: its requests to Bitbucket are aborted and it answers the error `TOOL_TIMEOUT`. `wait_for_pipeline` waits by design, at most `timeoutSeconds` (default 3 minutes, within the default limit) and never past the limit: it returns the run as it stands (`outcome: timed_out`) about 10 seconds before it; call it again to keep waiting.',
  '',
  '**Choosing what is offered** ([configuration](configuration.md#mcp-tools-mcp)): `MCP_TOOLSETS` picks toolsets by the names below (default `all`); `MCP_ENABLED_TOOLS`, when set, keeps only the tools it names; `MCP_DISABLED_TOOLS` removes tools; `MCP_READ_ONLY` removes every tool that is not _read_. A tool left out is not listed, and a call by its name is refused (`TOOL_NOT_OFFERED`, or `TOOL_READ_ONLY`).',
  '',
];

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function flavorsOf(flavors: readonly BitbucketFlavor[]): string {
  return flavors.length === Object.keys(FLAVOR_NAMES).length
    ? 'both'
    : flavors.map((flavor) => FLAVOR_NAMES[flavor]).join(', ');
}

/** MCP semantics: the destructive and idempotent hints only mean something for a tool that writes. */
function kindOf(hints: ToolAnnotations | undefined): string {
  if (hints?.readOnlyHint === true) return 'read';
  if (hints?.destructiveHint === true) return 'destructive';
  return hints?.idempotentHint === true ? 'idempotent write' : 'write';
}

/** `a`, `a or b`, `a, b or c`. */
function alternatives(options: readonly string[]): string {
  return options.length < 2 ? options.join('') : `${options.slice(0, -1).join(', ')} or ${options.at(-1) ?? ''}`;
}

function baseTypeOf(schema: JsonSchema): string {
  if (schema.anyOf !== undefined) return alternatives(schema.anyOf.map(typeOf));
  if (schema.enum !== undefined) return alternatives(schema.enum.map((value) => `\`${value}\``));
  if (schema.type === 'array' && schema.items !== undefined) return `array of ${typeOf(schema.items)}`;
  return schema.type ?? 'any';
}

function typeOf(schema: JsonSchema): string {
  const base = baseTypeOf(schema);
  return schema.default === undefined ? base : `${base}, default \`${JSON.stringify(schema.default)}\``;
}

/** One row per property; the fields of an object (or of an array's objects) follow as `name.field` (`name[].field`). */
function argumentRows(schema: JsonSchema, prefix = ''): string[][] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const required = schema.required?.includes(name) === true ? 'yes' : 'no';
    const [inner, separator] = property.type === 'array' ? [property.items, '[].'] : [property, '.'];
    const fields = inner?.properties === undefined ? [] : argumentRows(inner, `${path}${separator}`);
    return [[`\`${path}\``, typeOf(property), required, property.description ?? ''], ...fields];
  });
}

function argumentsTable(schema: JsonSchema): string[] {
  const rows = argumentRows(schema);
  return rows.length === 0 ? ['No arguments.'] : markdownTable(['Argument', 'Type', 'Required', 'Description'], rows);
}

/** A table with a row per entry, its name linking to the entry's section below, which lists its arguments. */
function tableWithArguments<E extends { readonly item: { readonly name: string; readonly inputSchema: JsonSchema } }>(
  header: readonly string[],
  entries: readonly E[],
  cells: (entry: E) => string[],
): string[] {
  const rows = entries.map((entry) => [`[\`${entry.item.name}\`](#${entry.item.name})`, ...cells(entry)]);
  const sections = entries.flatMap(({ item }) => [`### \`${item.name}\``, '', ...argumentsTable(item.inputSchema), '']);
  return [...markdownTable(header, rows), '', ...sections];
}

/** docs/tools.md, rendered from the tool registries of both flavors so the reference cannot drift from the code. */
export function renderToolReference(catalogue: ToolCatalogue): string {
  const toolsets = TOOLSETS.filter((toolset) => catalogue.tools.some(({ item }) => item.toolset === toolset));
  const lines = [
    '# Tool reference',
    '',
    '<!-- Generated from the tool registry by `npm run docs:tools`; a test fails when it drifts. Do not edit by hand. -->',
    '',
    `What this server offers MCP clients, as they list it: ${count(catalogue.tools.length, 'tool')} in ${count(toolsets.length, 'toolset')}, ${count(catalogue.prompts.length, 'prompt')} and ${count(catalogue.resourceTemplates.length, 'resource template')}.`,
    `Toolsets: ${toolsets.map((toolset) => `[\`${toolset}\`](#${toolset}-toolset)`).join(', ')}.`,
    '',
    ...INTRO,
  ];
  for (const toolset of toolsets) {
    lines.push(`## \`${toolset}\` toolset`, '');
    lines.push(
      ...tableWithArguments(
        ['Tool', 'Title', 'Kind', 'Flavors', 'Description'],
        catalogue.tools.filter(({ item }) => item.toolset === toolset),
        ({ item, flavors }) => [item.title ?? '', kindOf(item.annotations), flavorsOf(flavors), item.description ?? ''],
      ),
    );
  }
  lines.push('## Prompts', '');
  lines.push(
    ...tableWithArguments(['Prompt', 'Title', 'Flavors', 'Description'], catalogue.prompts, ({ item, flavors }) => [
      item.title,
      flavorsOf(flavors),
      item.description,
    ]),
  );
  lines.push('## Resource templates', '');
  lines.push(
    ...markdownTable(
      ['URI template', 'Name', 'Title', 'Flavors', 'Description'],
      catalogue.resourceTemplates.map(({ item, flavors }) => [
        `\`${item.uriTemplate}\``,
        `\`${item.name}\``,
        item.title,
        flavorsOf(flavors),
        item.description,
      ]),
    ),
  );
  lines.push(
    '',
    "Clients can complete the arguments with `completion/complete`: `workspace` (Cloud workspaces, Data Center project keys), `repo` (once `workspace` is chosen), the prompt's `pullRequestId` (open pull requests) and the template's `ref` (branches). The suggestions come from Bitbucket with the caller's credential, at most 20 (`hasMore` when there are more), reused for 30 s per principal and typed text; when Bitbucket refuses or fails, the list is empty.",
  );
  return `${lines.join('\n')}\n`;
}
