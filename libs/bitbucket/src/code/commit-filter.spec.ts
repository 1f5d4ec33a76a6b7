import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { BbCommit } from '../model/bb-commit';
import { commitFilter } from './commit-filter';

const commit = (date: string, overrides: Partial<BbCommit> = {}): BbCommit => ({
  hash: date,
  message: 'm',
  authorName: 'Acme CI',
  authorEmail: 'ci-bot@acme.example',
  author: { id: '{c1}', name: 'ci-bot', displayName: 'Acme CI' },
  date,
  parents: [],
  ...overrides,
});

describe('commitFilter', () => {
  it('is absent without filters', () => {
    expect(commitFilter({})).toBeUndefined();
    expect(commitFilter({ author: '', since: '', until: '' })).toBeUndefined();
  });

  it('matches the author in any part of the name, email or user, in any case', () => {
    const keep = commitFilter({ author: 'CI-b' });
    expect(keep?.(commit('2025-01-01T00:00:00Z'))).toBe(true);
    expect(
      keep?.(commit('2025-01-01T00:00:00Z', { authorName: 'Erin', authorEmail: 'erin@x', author: undefined })),
    ).toBe(false);
    expect(commitFilter({ author: 'acme ci' })?.(commit('2025-01-01T00:00:00Z', { author: undefined }))).toBe(true);
  });

  it('keeps commits within since and until, both inclusive, whatever the offset notation', () => {
    const keep = commitFilter({ since: '2025-01-01T10:00:00+01:00', until: '2025-01-02T00:00:00.000Z' });
    expect(keep?.(commit('2025-01-01T09:00:00.000Z'))).toBe(true);
    expect(keep?.(commit('2025-01-01T08:59:59.999Z'))).toBe(false);
    expect(keep?.(commit('2025-01-02T00:00:00+00:00'))).toBe(true);
    expect(keep?.(commit('2025-01-02T00:00:00.001Z'))).toBe(false);
  });

  it('refuses a date it cannot read', () => {
    let error: unknown;
    try {
      commitFilter({ until: 'yesterday' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BitbucketException);
    expect((error as BitbucketException).code).toBe(BitbucketErrorCode.VALIDATION);
  });
});
