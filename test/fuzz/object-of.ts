/**
 * An object with these own enumerable properties in this order, `__proto__` and `constructor` included as
 * plain keys (as JSON.parse makes them on the server), so that JSON.stringify sends them.
 */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}
