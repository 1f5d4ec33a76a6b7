import { createHash, timingSafeEqual } from 'node:crypto';
import type { StaticCredentialEntry } from './static-credential-entry';

interface StoredCredential {
  readonly principal: string;
  readonly digest: Buffer;
  readonly scopes: readonly string[] | undefined;
}

const digest = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/**
 * Static secrets kept only as SHA-256 digests. A lookup compares the presented secret's digest with
 * every stored one in constant time, so neither the secret nor which entry matched leaks through timing.
 */
export class StaticCredentialSet {
  private readonly stored: readonly StoredCredential[];

  constructor(entries: readonly StaticCredentialEntry[]) {
    this.stored = entries.map((entry) => ({
      principal: entry.principal,
      digest: digest(entry.secret),
      scopes: entry.scopes,
    }));
  }

  get size(): number {
    return this.stored.length;
  }

  match(secret: string): Omit<StoredCredential, 'digest'> | undefined {
    const presented = digest(secret);
    let found: StoredCredential | undefined;
    for (const credential of this.stored) {
      if (timingSafeEqual(credential.digest, presented) && found === undefined) found = credential;
    }
    return found === undefined ? undefined : { principal: found.principal, scopes: found.scopes };
  }
}
