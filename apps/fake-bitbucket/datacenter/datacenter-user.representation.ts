import type { FakeUser } from '../dataset/fake-user';
import type { DatacenterLinks } from './datacenter-links';

/** RestApplicationUser. */
export function datacenterUser(user: FakeUser, links: DatacenterLinks): Record<string, unknown> {
  return {
    name: user.slug,
    emailAddress: user.email,
    active: true,
    displayName: user.displayName,
    id: user.id,
    slug: user.slug,
    type: user.type,
    links: links.self(`/users/${user.slug}`),
  };
}
