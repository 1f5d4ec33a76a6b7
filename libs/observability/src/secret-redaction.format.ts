import { format } from 'winston';

const SECRET_KEY = /authorization|password|passwd|secret|token|api[-_]?key|cookie|credential/i;
// Credentials that travel inside free text: HTTP auth schemes and `user:secret@` in URLs.
const SECRET_IN_TEXT: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [REDACTED]'],
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1[REDACTED]@'],
];
const REDACTED = '[REDACTED]';

function redactText(text: string): string {
  return SECRET_IN_TEXT.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}

function redact(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      SECRET_KEY.test(key) && item !== undefined && typeof item !== 'number' ? REDACTED : redact(item, depth + 1);
  }
  return copy;
}

/** Last line of defence: no credential reaches a log line, whatever a caller passed in. */
export const secretRedactionFormat = format((info) => {
  for (const key of Object.keys(info)) {
    info[key] = SECRET_KEY.test(key) && typeof info[key] === 'string' ? REDACTED : redact(info[key], 0);
  }
  return info;
});
