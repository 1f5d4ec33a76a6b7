/** One `principal:secret[scope scope…]` entry of AUTH_BEARER_TOKENS / AUTH_API_KEYS. */
export interface StaticCredentialEntry {
  readonly principal: string;
  readonly secret: string;
  /** Undefined: every scope (a static credential without a list is trusted for everything). */
  readonly scopes: readonly string[] | undefined;
}

const ENTRY = /^([A-Za-z0-9._@-]{1,128}):([^\s,[\]]{16,512})(?:\[([^\]]*)\])?$/;

/** Parses comma- or newline-separated entries; returns the malformed ones by position, never their text. */
export function parseStaticCredentials(text: string): { entries: StaticCredentialEntry[]; invalid: number[] } {
  const entries: StaticCredentialEntry[] = [];
  const invalid: number[] = [];
  text
    .split(/[,\n]/)
    .map((raw) => raw.trim())
    .filter((raw) => raw !== '' && !raw.startsWith('#'))
    .forEach((raw, index) => {
      const match = ENTRY.exec(raw);
      if (match === null) {
        invalid.push(index + 1);
        return;
      }
      const [, principal = '', secret = '', scopes] = match;
      entries.push({ principal, secret, scopes: scopes?.split(/\s+/).filter((scope) => scope !== '') });
    });
  return { entries, invalid };
}
