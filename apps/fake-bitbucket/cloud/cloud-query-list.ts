/** A repeatable query parameter (`?include=a&include=b`) as a list of its non-empty values. */
export function cloudQueryList(value: unknown): string[] {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === 'string' && item !== '');
}
