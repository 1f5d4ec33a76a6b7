import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeRepository } from '../dataset/fake-repository';
import type { GitCommit } from '../git/git-commit';
import { cloudAccount } from './cloud-account.representation';
import type { CloudLinks } from './cloud-links';

const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Cloud `rendered` text: raw markdown with its (here: escaped, paragraph-wrapped) HTML. */
export function cloudRendered(raw: string): Record<string, unknown> {
  return {
    type: 'rendered',
    raw,
    markup: 'markdown',
    html: raw === '' ? '' : `<p>${escapeHtml(raw).replaceAll('\n', '<br>')}</p>`,
  };
}

/** The short repository object Cloud embeds in commits, refs and pull requests. */
export function cloudRepositoryRef(repository: FakeRepository, links: CloudLinks): Record<string, unknown> {
  const full = `${repository.workspaceSlug}/${repository.slug}`;
  return {
    type: 'repository',
    name: repository.name,
    full_name: full,
    uuid: repository.uuid,
    links: {
      self: links.api(`/repositories/${full}`),
      html: links.web(`/${full}`),
      avatar: links.web(`/${full}/avatar/32/`),
    },
  };
}

/** Cloud `commit` (GET …/commit/{hash}, commit listings, pull request commits). */
export function cloudCommit(
  commit: GitCommit,
  repository: FakeRepository,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const full = `${repository.workspaceSlug}/${repository.slug}`;
  const api = (rest: string): { href: string } => links.api(`/repositories/${full}${rest}`);
  const user = commit.author.userSlug === undefined ? undefined : data.findUser(commit.author.userSlug);
  return {
    type: 'commit',
    hash: commit.hash,
    date: commit.committedAt.toISOString(),
    author: {
      type: 'author',
      raw: `${commit.author.name} <${commit.author.email}>`,
      ...(user === undefined ? {} : { user: cloudAccount(user, links) }),
    },
    message: commit.message.endsWith('\n') ? commit.message : `${commit.message}\n`,
    summary: cloudRendered(commit.message),
    parents: commit.parents.map((hash) => ({
      type: 'commit',
      hash,
      links: { self: api(`/commit/${hash}`), html: links.web(`/${full}/commits/${hash}`) },
    })),
    repository: cloudRepositoryRef(repository, links),
    links: {
      self: api(`/commit/${commit.hash}`),
      html: links.web(`/${full}/commits/${commit.hash}`),
      diff: api(`/diff/${commit.hash}`),
      patch: api(`/patch/${commit.hash}`),
      approve: api(`/commit/${commit.hash}/approve`),
      comments: api(`/commit/${commit.hash}/comments`),
      statuses: api(`/commit/${commit.hash}/statuses`),
    },
  };
}
