import type { FakePullRequest } from '../dataset/fake-pull-request';
import type { CloudLinks } from './cloud-links';

/** The condensed pull request Cloud embeds in comments and activity entries. */
export function cloudPullRequestRef(pr: FakePullRequest, links: CloudLinks): Record<string, unknown> {
  return {
    type: 'pullrequest',
    id: pr.id,
    title: pr.title,
    links: {
      self: links.api(`/repositories/${pr.repoKey}/pullrequests/${pr.id}`),
      html: links.web(`/${pr.repoKey}/pull-requests/${pr.id}`),
    },
  };
}
