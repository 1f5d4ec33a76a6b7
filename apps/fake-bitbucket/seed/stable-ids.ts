import { createHash } from 'node:crypto';

const digest = (seed: string): string => createHash('sha256').update(seed).digest('hex');

/** Deterministic ids in each shape Bitbucket uses, derived from a readable seed. */
export const stableIds = {
  /** `{xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx}` as Cloud shows uuids. */
  uuid(seed: string): string {
    const h = digest(seed);
    return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
  },
  /** Atlassian account id: 24 hex characters. */
  accountId(seed: string): string {
    return digest(`account:${seed}`).slice(0, 24);
  },
};
