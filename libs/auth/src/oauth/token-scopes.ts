/** Scopes of a token: the `scope` string (RFC 8693/9068), or `scp` as some issuers write it. */
export function tokenScopes(claims: { readonly scope?: unknown; readonly scp?: unknown }): string[] {
  const raw = claims.scope ?? claims.scp;
  if (typeof raw === 'string') return raw.split(' ').filter((scope) => scope !== '');
  return Array.isArray(raw) ? raw.filter((scope): scope is string => typeof scope === 'string') : [];
}
