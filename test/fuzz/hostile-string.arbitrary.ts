import fc from 'fast-check';
import { HOSTILE_STRINGS } from './hostile-strings';
import type { SeededValues } from './seeded-values';

/** Any UTF-16 code unit, so lone surrogates and control characters come up on their own too. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  maxLength: 12,
});
const SEPARATORS = ['', '/', '/../', '%2F'];
/** How often each kind comes up: those that can change an upstream URL's shape, or break its encoding, more. */
const KIND_WEIGHTS: Readonly<Record<string, number>> = {
  dotSegments: 3,
  encodings: 2,
  separators: 2,
  controlCharacters: 2,
  loneSurrogates: 3,
};

/**
 * Hostile strings: each kind of the fixed list alike; the list glued to valid-looking values
 * (`main/..`, `payments-api\ud800`); runs of `../` aimed at what lies beside a repository upstream; names of
 * the dataset's other workspaces and repositories; and random text of every kind.
 */
export function hostileString(seeded: SeededValues): fc.Arbitrary<string> {
  const valid = fc.constantFrom(...new Set(Object.values(seeded.strings).flat()));
  const kinds = Object.entries(HOSTILE_STRINGS).map(([kind, strings]) => ({
    weight: KIND_WEIGHTS[kind] ?? 1,
    arbitrary: fc.constantFrom(...strings),
  }));
  const hostile = fc.oneof(...kinds);
  return fc.oneof(
    ...kinds,
    {
      weight: 3,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...SEPARATORS), hostile, fc.boolean())
        .map(([value, separator, part, before]) =>
          before ? `${part}${separator}${value}` : `${value}${separator}${part}`,
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(...seeded.escapes))
        .map(([depth, target]) => `${'../'.repeat(depth)}${target}`),
    },
    { weight: 1, arbitrary: valid },
    { weight: 1, arbitrary: codeUnits },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  );
}
