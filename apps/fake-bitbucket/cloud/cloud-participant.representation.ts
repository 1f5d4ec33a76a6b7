import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeParticipant } from '../dataset/fake-pull-request';
import { cloudAccount } from './cloud-account.representation';
import type { CloudLinks } from './cloud-links';

/** A reviewer or participant of a pull request, with their review state. */
export function cloudParticipant(
  participant: FakeParticipant,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  return {
    type: 'participant',
    user: cloudAccount(data.user(participant.userSlug), links),
    role: participant.role,
    approved: participant.status === 'approved',
    state: participant.status,
    participated_on: participant.participatedOn?.toISOString() ?? null,
  };
}
