import { randomUUID } from 'node:crypto';

export const CORRELATION_ID_HEADER = 'x-request-id';

// An incoming id is echoed into logs and headers, so only short, inert ids are trusted.
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's request id when it is safe to reuse, a fresh UUID otherwise. */
export function resolveCorrelationId(incoming: string | string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate !== undefined && SAFE_ID.test(candidate) ? candidate : randomUUID();
}
