import type { FakeUser } from '../dataset/fake-user';
import type { CloudLinks } from './cloud-links';

/** The `account`/`user` object Cloud embeds wherever a person appears (author, reviewer…). */
export function cloudAccount(user: FakeUser, links: CloudLinks): Record<string, unknown> {
  return {
    type: 'user',
    uuid: user.uuid,
    account_id: user.accountId,
    nickname: user.slug,
    display_name: user.displayName,
    links: {
      self: links.api(`/users/${encodeURIComponent(user.uuid)}`),
      avatar: links.web(`/account/${user.slug}/avatar/`),
      html: links.web(`/${encodeURIComponent(user.uuid)}/`),
    },
  };
}
