import type { FakeReviewStatus } from '../dataset/fake-pull-request';

type DatacenterParticipantStatus = 'APPROVED' | 'NEEDS_WORK' | 'UNAPPROVED';

const TO_DATACENTER = new Map<FakeReviewStatus, DatacenterParticipantStatus>([
  ['approved', 'APPROVED'],
  ['changes_requested', 'NEEDS_WORK'],
  [null, 'UNAPPROVED'],
]);

/** Data Center's participant status names for the shared review states ("Requested changes" is NEEDS_WORK). */
export const datacenterReviewStatus = {
  of(status: FakeReviewStatus): DatacenterParticipantStatus {
    return TO_DATACENTER.get(status) ?? 'UNAPPROVED';
  },
  toFake(status: DatacenterParticipantStatus): FakeReviewStatus {
    return status === 'APPROVED' ? 'approved' : status === 'NEEDS_WORK' ? 'changes_requested' : null;
  },
};
