import type { FakePullRequestState } from '../dataset/fake-pull-request';

/** Data Center knows no SUPERSEDED state (a Cloud notion): such a pull request shows as DECLINED. */
export function datacenterPullRequestState(state: FakePullRequestState): 'OPEN' | 'MERGED' | 'DECLINED' {
  return state === 'SUPERSEDED' ? 'DECLINED' : state;
}
