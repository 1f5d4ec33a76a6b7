import { existsSync, readFileSync } from 'node:fs';
import { SECRET_VARIABLES } from './secret-variables';

/** The same syntax as libs/auth/src/credentials/static-credential-entry.ts: `principal:secret[scopes]`. */
const ENTRY = /^[^:]+:([^\s,[\]]+)/;

const entrySecrets = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((entry) => ENTRY.exec(entry.trim())?.[1])
    .filter((secret): secret is string => secret !== undefined);

function urlPassword(text: string): string[] {
  try {
    const password = decodeURIComponent(new URL(text).password);
    return password === '' ? [] : [password];
  } catch {
    return [];
  }
}

/**
 * The credentials an environment hands a process: the values of its secret variables (SECRET_VARIABLES),
 * each entry of the static credential lists, including those in the files `*_FILE` variables name,
 * and passwords inside URLs.
 */
export function environmentSecrets(env: Readonly<Record<string, string | undefined>>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    const kind = name.endsWith('_FILE') ? SECRET_VARIABLES[name.slice(0, -'_FILE'.length)] : SECRET_VARIABLES[name];
    if (kind === undefined) continue;
    if (name.endsWith('_FILE')) {
      if (kind === 'entries' && existsSync(value)) secrets.push(...entrySecrets(readFileSync(value, 'utf8')));
    } else if (kind === 'entries') secrets.push(...entrySecrets(value));
    else if (kind === 'url') secrets.push(...urlPassword(value));
    else secrets.push(value);
  }
  return secrets;
}
