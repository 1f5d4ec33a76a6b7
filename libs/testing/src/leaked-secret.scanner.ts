import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface LeakedSecret {
  /** Relative to the scanned directory. */
  readonly file: string;
  /** The secret, masked: its first 4 characters and its length. */
  readonly secret: string;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** A secret written into a JSON line is escaped; look for both forms. */
const forms = (secret: string): string[] => [...new Set([secret, JSON.stringify(secret).slice(1, -1)])];

const masked = (secret: string): string => `${secret.slice(0, 4)}… (${secret.length} characters)`;

/**
 * Every file under `directory` (logs, audit files, rotated `.gz` archives) in which one of `secrets`
 * appears: the proof behind "no secret reaches a log" for a whole e2e run.
 */
export function findLeakedSecrets(directory: string, secrets: readonly string[]): LeakedSecret[] {
  const leaks: LeakedSecret[] = [];
  for (const path of filesUnder(directory)) {
    const raw = readFileSync(path);
    const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    for (const secret of secrets) {
      if (forms(secret).some((form) => text.includes(form)))
        leaks.push({ file: relative(directory, path), secret: masked(secret) });
    }
  }
  return leaks;
}
