import fc from 'fast-check';

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A leaf that reads as a continuation: a link, a path, or a page number. */
const isContinuation = (value: unknown): boolean =>
  typeof value === 'number' || (typeof value === 'string' && /^(?:\/|https?:)/.test(value));

function retargetLeaves(value: unknown, target: string | number): unknown {
  if (isContinuation(value)) return target;
  if (Array.isArray(value)) return value.map((item) => retargetLeaves(item, target));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, retargetLeaves(inner, target)]));
  }
  return value;
}

/**
 * `cursor` with every continuation inside it pointed at `target`, whatever its format: each `.`-separated
 * part that is base64url JSON is rewritten (a signature beside it is kept, so a signed format must notice).
 */
function retargeted(cursor: string, target: string | number): string {
  return cursor
    .split('.')
    .map((part) => {
      try {
        const json: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
        return typeof json === 'object' && json !== null
          ? base64url(JSON.stringify(retargetLeaves(json, target)))
          : part;
      } catch {
        return part;
      }
    })
    .join('.');
}

/**
 * Page cursors a caller may forge, without assuming their format: the server's own (`genuine`, harvested from
 * its answers) replayed anywhere, retargeted at other upstream locations (`targets`), tampered with or cut
 * short; base64url JSON objects made up around those targets; and random strings.
 */
export function forgedCursor(genuine: readonly string[], targets: readonly (string | number)[]): fc.Arbitrary<string> {
  const target = fc.constantFrom(...targets);
  const madeUp = fc
    .dictionary(
      fc.constantFrom('l', 'n', 'next', 'page', 'url', 'listing', 'path', 'start'),
      fc.oneof(target, fc.string({ maxLength: 20 })),
      { minKeys: 1, maxKeys: 3 },
    )
    .map((body) => base64url(JSON.stringify(body)));
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 2, arbitrary: madeUp },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  ];
  if (genuine.length > 0) {
    const cursor = fc.constantFrom(...genuine);
    options.push(
      { weight: 2, arbitrary: cursor },
      { weight: 5, arbitrary: fc.tuple(cursor, target).map(([real, to]) => retargeted(real, to)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(cursor, fc.nat(), fc.constantFrom('A', 'Z', 'a', 'z', '0', '9', '-', '_', '.', '='))
          .map(([real, at, char]) => `${real.slice(0, at % real.length)}${char}${real.slice((at % real.length) + 1)}`),
      },
      { weight: 1, arbitrary: fc.tuple(cursor, fc.nat()).map(([real, at]) => real.slice(0, at % real.length)) },
    );
  }
  return fc.oneof(...options);
}
