import type { FakeUser } from '../dataset/fake-user';
import { stableIds } from './stable-ids';

const PEOPLE: readonly [slug: string, displayName: string, type: FakeUser['type']][] = [
  ['alice', 'Alice Martin', 'NORMAL'],
  ['bob', 'Bob Chen', 'NORMAL'],
  ['carol', 'Carol Dubois', 'NORMAL'],
  ['dave', 'Dave Okafor', 'NORMAL'],
  ['erin', 'Erin Walsh', 'NORMAL'],
  ['frank', 'Frank Müller', 'NORMAL'],
  ['ci-bot', 'Acme CI', 'SERVICE'],
];

export function seedUsers(): FakeUser[] {
  return PEOPLE.map(([slug, displayName, type], index) => ({
    id: 101 + index,
    uuid: stableIds.uuid(`user:${slug}`),
    accountId: stableIds.accountId(slug),
    slug,
    displayName,
    email: `${slug}@acme.example`,
    createdAt: new Date(Date.UTC(2025, 0, 6 + index, 9)),
    type,
  }));
}
