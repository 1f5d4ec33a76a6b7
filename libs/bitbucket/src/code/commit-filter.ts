import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { BbCommit } from '../model/bb-commit';

function instant(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new BitbucketException(BitbucketErrorCode.VALIDATION, `${name} is not a date: ${value}`, {
      messageKey: 'BITBUCKET_DATE_INVALID',
      params: { field: name, value },
    });
  }
  return time;
}

/**
 * Whether a commit passes the author and date filters of `listCommits`, which neither flavor has a
 * server-side parameter for (Data Center's `since`/`until` name commits, not dates); undefined when
 * no filter is set. The author matches any part of the name, email or Bitbucket user, in any case.
 */
export function commitFilter(filter: {
  readonly author?: string;
  readonly since?: string;
  readonly until?: string;
}): ((commit: BbCommit) => boolean) | undefined {
  const author = filter.author?.toLowerCase();
  const since = instant('since', filter.since);
  const until = instant('until', filter.until);
  if ((author === undefined || author === '') && since === undefined && until === undefined) return undefined;
  return (commit) => {
    const time = Date.parse(commit.date);
    const people = [
      commit.authorName,
      commit.authorEmail,
      commit.author?.id,
      commit.author?.name,
      commit.author?.displayName,
    ];
    return (
      (author === undefined ||
        author === '' ||
        people.some((value) => value?.toLowerCase().includes(author) === true)) &&
      (since === undefined || time >= since) &&
      (until === undefined || time <= until)
    );
  };
}
