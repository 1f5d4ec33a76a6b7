import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeRepository } from '../dataset/fake-repository';
import type { GitTag } from '../git/git-tag';
import { cloudAccount } from './cloud-account.representation';
import { cloudCommit } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';

/** Cloud `tag`; `message`, `date` and `tagger` only for annotated tags. */
export function cloudTag(
  repository: FakeRepository,
  tag: GitTag,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const full = `${repository.workspaceSlug}/${repository.slug}`;
  const taggerUser = tag.tagger?.userSlug === undefined ? undefined : data.findUser(tag.tagger.userSlug);
  return {
    type: 'tag',
    name: tag.name,
    target: cloudCommit(repository.git.get(tag.target), repository, data, links),
    ...(tag.message === undefined ? {} : { message: tag.message.endsWith('\n') ? tag.message : `${tag.message}\n` }),
    ...(tag.date === undefined ? {} : { date: tag.date.toISOString() }),
    ...(tag.tagger === undefined
      ? {}
      : {
          tagger: {
            type: 'author',
            raw: `${tag.tagger.name} <${tag.tagger.email}>`,
            ...(taggerUser === undefined ? {} : { user: cloudAccount(taggerUser, links) }),
          },
        }),
    links: {
      self: links.api(`/repositories/${full}/refs/tags/${tag.name}`),
      commits: links.api(`/repositories/${full}/commits/${tag.name}`),
      html: links.web(`/${full}/commits/tag/${tag.name}`),
    },
  };
}
