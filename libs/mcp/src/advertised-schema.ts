import type { Tool, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** Keywords the server checks with the tool's zod schema but a model needs not read: they only lengthen tools/list. */
const CHECKED_ONLY = new Set(['$schema', 'maxLength', 'minLength', 'pattern']);
/** The bounds zod puts on every integer (Number.isSafeInteger), which say nothing about the argument. */
const BOUNDS = new Set(['minimum', 'maximum']);
/** Keywords whose values are data, not schemas: never trimmed. */
const LITERALS = new Set(['enum', 'const', 'default', 'examples', 'required']);

/**
 * An input schema as tools/list advertises it: the JSON Schema zod gives, without the keywords only
 * validation needs (the `$schema` of every tool, string lengths and patterns, closed objects) and
 * without the ±(2^53 − 1) bounds of every integer and the lower bound of positive ids. What a model chooses from stays: types, enums,
 * defaults, required properties, descriptions and the bounds that say something (a limit of 1 to 100).
 * The server still validates every call against the tool's whole zod schema (ToolCallDispatcher).
 */
export function advertisedSchema(schema: Tool['inputSchema']): Tool['inputSchema'] {
  return trimmed(schema) as Tool['inputSchema'];
}

/**
 * Annotations as tools/list advertises them: only the hints that differ from the defaults the MCP
 * specification gives a client (not read-only, destructive, not idempotent, open world), and always
 * destructiveHint for a tool that writes, which clients use to ask before a call. The title is the
 * tool's own `title`: the specification reads it first, so it is not repeated here.
 */
export function advertisedHints(hints: ToolAnnotations): ToolAnnotations {
  if (hints.readOnlyHint === true)
    return { readOnlyHint: true, ...(hints.openWorldHint === false ? { openWorldHint: false } : {}) };
  return {
    destructiveHint: hints.destructiveHint !== false,
    ...(hints.idempotentHint === true ? { idempotentHint: true } : {}),
    ...(hints.openWorldHint === false ? { openWorldHint: false } : {}),
  };
}

function trimmed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(trimmed);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword, value]) => !isCheckedOnly(keyword, value))
      .map(([keyword, value]) => [
        keyword,
        LITERALS.has(keyword) ? value : keyword === 'properties' ? properties(value) : trimmed(value),
      ]),
  );
}

/** The schemas of `properties`, each trimmed; their names are arguments, never keywords. */
function properties(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, trimmed(schema)]));
}

/**
 * Whether `keyword: value` only serves validation: a closed object, a length, a pattern, an integer's
 * safe bounds, or the `exclusiveMinimum: 0` of an id (a number a model copies from an answer).
 */
function isCheckedOnly(keyword: string, value: unknown): boolean {
  if (CHECKED_ONLY.has(keyword)) return true;
  if (keyword === 'additionalProperties') return value === false;
  if (keyword === 'exclusiveMinimum') return value === 0;
  return BOUNDS.has(keyword) && (value === Number.MAX_SAFE_INTEGER || value === Number.MIN_SAFE_INTEGER);
}
