import type { FakeUser } from '../dataset/fake-user';
import { cloudAccount } from './cloud-account.representation';
import type { CloudLinks } from './cloud-links';

/** GET /user and GET /users/{selected_user}: the account with its profile fields. */
export function cloudUser(user: FakeUser, links: CloudLinks): Record<string, unknown> {
  return {
    ...cloudAccount(user, links),
    created_on: user.createdAt.toISOString(),
    account_status: 'active',
    is_staff: false,
    has_2fa_enabled: null,
    location: null,
    website: null,
  };
}
