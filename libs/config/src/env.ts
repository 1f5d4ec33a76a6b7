import { z } from 'zod';
import type { EnvVarMeta } from './env-var-meta';

export type EnvSchema<T> = z.ZodType<T>;

interface CommonOptions {
  description: string;
  example?: string;
  secret?: boolean;
}
type WithDefault<T> = CommonOptions & { default: T };

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function variable<T>(
  schema: z.ZodType<T, string>,
  options: CommonOptions & { default?: T },
  expects: string,
  render: (value: T) => string,
): EnvSchema<T> {
  const meta: EnvVarMeta = {
    description: options.description,
    expects,
    ...(options.default !== undefined ? { defaultValue: render(options.default) } : {}),
    ...(options.example !== undefined ? { example: options.example } : {}),
    ...(options.secret === true ? { secret: true } : {}),
  };
  const withDefault = options.default === undefined ? schema.optional() : schema.default(options.default as never);
  // The preprocess step widens the inferred input; the output is still T (or T | undefined when optional).
  return z.preprocess(blankToUndefined, withDefault).meta({ env: meta }) as EnvSchema<T>;
}

const INTEGER = /^-?\d+$/;

function integer(options: WithDefault<number> & { min?: number; max?: number }): EnvSchema<number>;
function integer(options: CommonOptions & { min?: number; max?: number }): EnvSchema<number | undefined>;
function integer(options: CommonOptions & { default?: number; min?: number; max?: number }): z.ZodType {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const expects =
    options.min !== undefined && options.max !== undefined
      ? `an integer from ${min} to ${max}`
      : options.min !== undefined
        ? `an integer of at least ${min}`
        : 'an integer';
  const schema = z.string().trim().regex(INTEGER).transform(Number).pipe(z.number().int().min(min).max(max));
  return variable(schema, options, expects, String);
}

/** `ephemeral`: 0 is allowed too, and asks the system for a free port. */
function port(options: WithDefault<number> & { ephemeral?: boolean }): EnvSchema<number> {
  const { ephemeral, ...rest } = options;
  return integer({ ...rest, min: ephemeral === true ? 0 : 1, max: 65535 });
}

type StringOptions = CommonOptions & { expects?: string; pattern?: RegExp };

function string(options: StringOptions & { default: string }): EnvSchema<string>;
function string(options: StringOptions): EnvSchema<string | undefined>;
function string(options: StringOptions & { default?: string }): z.ZodType {
  const schema = options.pattern ? z.string().trim().regex(options.pattern) : z.string();
  return variable(schema, options, options.expects ?? 'a string', (v) => v);
}

function url(options: WithDefault<string>): EnvSchema<string>;
function url(options: CommonOptions): EnvSchema<string | undefined>;
function url(options: CommonOptions & { default?: string }): z.ZodType {
  const schema = z
    .string()
    .trim()
    .pipe(z.url({ protocol: /^https?$/ }));
  return variable(schema, options, 'an absolute http(s) URL', (v) => v);
}

function boolean(options: WithDefault<boolean>): EnvSchema<boolean> {
  const schema = z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
  return variable(schema, options, 'true or false', String);
}

function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  options: WithDefault<T[number]>,
): EnvSchema<T[number]>;
function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  options: CommonOptions,
): EnvSchema<T[number] | undefined>;
function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  options: CommonOptions & { default?: T[number] },
): z.ZodType {
  const schema = z.string().trim().pipe(z.enum(values));
  return variable(schema, options, `one of ${values.join(', ')}`, (v) => v);
}

/** Comma-separated values, trimmed, empty entries dropped; `itemPattern` constrains each entry. */
function list(
  options: WithDefault<readonly string[]> & { itemPattern?: RegExp; itemExpects?: string },
): EnvSchema<string[]> {
  const item = options.itemPattern ? z.string().regex(options.itemPattern) : z.string();
  const schema = z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    )
    .pipe(z.array(item));
  const expects = `a comma-separated list${options.itemExpects ? ` of ${options.itemExpects}` : ''}`;
  return variable(schema, { ...options, default: [...options.default] }, expects, (v) => v.join(','));
}

/** Builders for environment variables: each parses the raw string and carries its documentation. */
export const env = { integer, port, string, url, boolean, oneOf, list };
