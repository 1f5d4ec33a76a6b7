import type { FakeDataset } from '../dataset/fake-dataset';
import type { GitCommit } from '../git/git-commit';
import type { GitPerson } from '../git/git-person';
import type { DatacenterLinks } from './datacenter-links';
import { datacenterUser } from './datacenter-user.representation';

/** A commit author: the Bitbucket user when the email belongs to one, else a bare RestPerson. */
export function datacenterPerson(
  person: GitPerson,
  data: FakeDataset,
  links: DatacenterLinks,
): Record<string, unknown> {
  const user = person.userSlug === undefined ? undefined : data.findUser(person.userSlug);
  return user === undefined ? { name: person.name, emailAddress: person.email } : datacenterUser(user, links);
}

/** RestCommit. Timestamps are epoch milliseconds. */
export function datacenterCommit(
  commit: GitCommit,
  data: FakeDataset,
  links: DatacenterLinks,
): Record<string, unknown> {
  return {
    id: commit.hash,
    displayId: commit.hash.slice(0, 11),
    author: datacenterPerson(commit.author, data, links),
    authorTimestamp: commit.authoredAt.getTime(),
    committer: datacenterPerson(commit.committer, data, links),
    committerTimestamp: commit.committedAt.getTime(),
    message: commit.message,
    parents: commit.parents.map((hash) => ({ id: hash, displayId: hash.slice(0, 11) })),
  };
}
