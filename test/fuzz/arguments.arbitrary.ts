import fc from 'fast-check';
import type { JsonSchema } from './json-schema';
import { objectOf } from './object-of';
import type { SeededValues } from './seeded-values';

/** Where argument values come from besides the schema. */
export interface ArgumentSources {
  readonly seeded: SeededValues;
  readonly hostile: fc.Arbitrary<string>;
  /** Page cursors: ones the server gave out, replayed, tampered with or forged. */
  readonly cursor: fc.Arbitrary<string>;
}

/** Keys no schema declares, among them those that reach an object's prototype. */
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'Workspace', 'repo '];
const ODD_VALUES: readonly unknown[] = [
  { workspace: 'acme-labs', repo: 'ml-experiments', polluted: true },
  { prototype: { polluted: true } },
  'polluted',
  null,
  [],
];

/** A JSON value of some other type than the schema's. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ toString: 'x', valueOf: 1 }),
  fc.constant([1, 'a', null]),
);

const typeOf = (schema: JsonSchema): string | undefined =>
  typeof schema.type === 'string' ? schema.type : schema.type?.[0];

function lowest(schema: JsonSchema, fallback: number): number {
  return schema.minimum ?? (schema.exclusiveMinimum === undefined ? fallback : schema.exclusiveMinimum + 1);
}

function highest(schema: JsonSchema, fallback: number): number {
  return schema.maximum ?? (schema.exclusiveMaximum === undefined ? fallback : schema.exclusiveMaximum - 1);
}

function validString(name: string, schema: JsonSchema, sources: ArgumentSources): fc.Arbitrary<unknown> {
  if (name === 'cursor') return sources.cursor;
  const minLength = schema.minLength ?? 0;
  const generic =
    schema.pattern === undefined
      ? fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) })
      : fc.stringMatching(new RegExp(schema.pattern));
  const seeded = sources.seeded.strings[name];
  return seeded === undefined
    ? generic
    : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...seeded) }, { weight: 1, arbitrary: generic });
}

function validInteger(name: string, schema: JsonSchema, sources: ArgumentSources): fc.Arbitrary<unknown> {
  const seeded = sources.seeded.integers[name];
  if (seeded !== undefined) return fc.constantFrom(...seeded);
  const min = lowest(schema, -1000);
  const max = highest(schema, 1000);
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 50) }), fc.constantFrom(min, max));
}

/** A value the schema accepts, looking like what the seeded dataset holds where the name says what it is. */
function validValue(name: string, schema: JsonSchema, sources: ArgumentSources): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants !== undefined) return fc.oneof(...variants.map((variant) => validValue(name, variant, sources)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  switch (typeOf(schema)) {
    case 'string':
      return validString(name, schema, sources);
    case 'integer':
      return validInteger(name, schema, sources);
    case 'number':
      return fc.double({ min: lowest(schema, -1e6), max: highest(schema, 1e6), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(name, schema.items ?? {}, sources), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectValue(schema, sources);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value the schema should refuse, or one it accepts that the code behind it may not expect. */
function hostileValue(schema: JsonSchema, sources: ArgumentSources): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  const options: fc.WeightedArbitrary<unknown>[] = [
    { weight: 6, arbitrary: sources.hostile },
    { weight: 1, arbitrary: wrongType },
  ];
  if (type === 'integer' || type === 'number') {
    const min = lowest(schema, 0);
    const max = highest(schema, 0);
    options.push({ weight: 3, arbitrary: fc.constantFrom(min - 1, max + 1, -1, 0, 1.5, -0, 2 ** 53, 1e308) });
  }
  if (type === 'array') {
    options.push(
      { weight: 2, arbitrary: fc.array(sources.hostile, { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant(Array.from({ length: (schema.maxItems ?? 100) + 1 }, () => 'x')) },
    );
  }
  return fc.oneof(...options);
}

function argumentValue(name: string, schema: JsonSchema, sources: ArgumentSources): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 7, arbitrary: validValue(name, schema, sources) },
    { weight: 3, arbitrary: hostileValue(schema, sources) },
  );
}

/** The arguments every call names its repository by: a hostile one of them is what may steer upstream calls. */
const IDENTITY = new Set(['workspace', 'repo']);

type Entry = readonly [string, unknown];
const present = (entries: readonly (Entry | undefined)[]): Entry[] => entries.filter((entry) => entry !== undefined);

/**
 * Each declared property (required ones nearly always, optional ones half the time), then either each value
 * valid or hostile on its own, or all valid but one hostile (so the call gets past validation and the
 * hostile value reaches the code behind it; the workspace and repository count twice there). Now and then
 * an odd key on top.
 */
function objectValue(schema: JsonSchema, sources: ArgumentSources): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {});
  const declared = (value: (key: string, property: JsonSchema) => fc.Arbitrary<unknown>) =>
    fc.tuple(
      ...properties.map(([key, property]) =>
        fc.option(
          value(key, property).map((inner): Entry => [key, inner]),
          { nil: undefined, freq: required.has(key) ? 15 : 2 },
        ),
      ),
    );
  const mixed = declared((key, property) => argumentValue(key, property, sources)).map(present);
  const oneHostile = fc
    .tuple(
      declared((key, property) => validValue(key, property, sources)),
      fc.tuple(...properties.map(([, property]) => hostileValue(property, sources))),
      fc.nat(),
    )
    .map(([entries, hostiles, pick]) => {
      const valid = present(entries);
      const candidates = valid.flatMap(([key], index) => (IDENTITY.has(key) ? [index, index] : [index]));
      const chosen = candidates[pick % Math.max(1, candidates.length)];
      const target = chosen === undefined ? undefined : valid[chosen];
      if (target === undefined) return valid;
      const [key] = target;
      const hostile = hostiles[properties.findIndex(([name]) => name === key)];
      return valid.map((entry, index): Entry => (index === chosen ? [key, hostile] : entry));
    });
  const odd = fc.oneof(
    { weight: 9, arbitrary: fc.constant([]) },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(fc.constantFrom(...ODD_KEYS), fc.constantFrom(...ODD_VALUES)), {
        minLength: 1,
        maxLength: 2,
      }),
    },
  );
  return fc
    .tuple(fc.oneof({ weight: 1, arbitrary: mixed }, { weight: 2, arbitrary: oneHostile }), odd)
    .map(([entries, extra]) => objectOf([...entries, ...extra]));
}

/**
 * Arguments for a tool (or prompt, or resource template) from its input schema: valid-looking values mixed
 * with hostile ones, wrong types, missing required and unknown keys; and, when `malformed`, now and then
 * no object at all (a string, a number, an array, null) or no arguments.
 */
export function argumentsArbitrary(
  schema: JsonSchema,
  sources: ArgumentSources,
  { malformed }: { malformed: boolean },
): fc.Arbitrary<unknown> {
  if (!malformed) return objectValue(schema, sources);
  return fc.oneof(
    { weight: 40, arbitrary: objectValue(schema, sources) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('x', 42, true, null, [], [{ workspace: 'acme' }]) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}
