import type { FakePullRequest } from '../dataset/fake-pull-request';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPullRequestState } from './datacenter-pull-request-state';
import { datacenterReviewStatus } from './datacenter-review-status';

type PullRequestFilter = (pr: FakePullRequest) => boolean;
type ParticipantRole = 'AUTHOR' | 'REVIEWER' | 'PARTICIPANT';

const ROLES: readonly string[] = ['AUTHOR', 'REVIEWER', 'PARTICIPANT'];
const STATES: readonly string[] = ['OPEN', 'DECLINED', 'MERGED', 'ALL'];

function oneOf(value: string, allowed: readonly string[], parameter: string): string {
  const upper = value.toUpperCase();
  if (!allowed.includes(upper)) {
    throw datacenterErrors.badRequest(
      `${parameter} must be one of ${allowed.join(', ')}; '${value}' is not.`,
      parameter,
    );
  }
  return upper;
}

function roleOf(pr: FakePullRequest, userSlug: string): ParticipantRole | undefined {
  if (pr.authorSlug === userSlug) return 'AUTHOR';
  return pr.participants.find((p) => p.userSlug === userSlug)?.role;
}

/** The filters and orders Data Center's pull request listings (repository, dashboard, inbox) share. */
export const datacenterPullRequestQuery = {
  /** `state`: OPEN, DECLINED (Cloud's SUPERSEDED too), MERGED or ALL. */
  state(value: string | undefined, fallback: 'OPEN' | 'ALL'): PullRequestFilter {
    const wanted = value === undefined || value === '' ? fallback : oneOf(value, STATES, 'state');
    return (pr) => wanted === 'ALL' || datacenterPullRequestState(pr.state) === wanted;
  },

  /** `role` of one user: AUTHOR, REVIEWER or PARTICIPANT; any involvement when absent. */
  role(value: string | undefined, userSlug: string): PullRequestFilter {
    const wanted = value === undefined || value === '' ? undefined : oneOf(value, ROLES, 'role');
    return (pr) => {
      const role = roleOf(pr, userSlug);
      return role !== undefined && (wanted === undefined || role === wanted);
    };
  },

  /** `participantStatus`: a comma-separated list of APPROVED, UNAPPROVED, NEEDS_WORK for one user. */
  participantStatus(value: string | undefined, userSlug: string): PullRequestFilter {
    if (value === undefined || value === '') return () => true;
    const wanted = value
      .split(',')
      .map((status) => oneOf(status.trim(), ['APPROVED', 'UNAPPROVED', 'NEEDS_WORK'], 'participantStatus'));
    return (pr) => {
      const status = pr.authorSlug === userSlug ? null : pr.participants.find((p) => p.userSlug === userSlug)?.status;
      return status !== undefined && wanted.includes(datacenterReviewStatus.of(status));
    };
  },

  /**
   * `username.N` with optional `role.N` and `approved.N`, numbered from 1 without gaps (at most 10):
   * every filter must hold.
   */
  participants(query: Readonly<Record<string, unknown>>): PullRequestFilter {
    const filters: PullRequestFilter[] = [];
    for (let n = 1; n <= 10; n += 1) {
      const username = query[`username.${n}`];
      if (typeof username !== 'string' || username === '') break;
      const roleValue = query[`role.${n}`];
      const role = typeof roleValue === 'string' && roleValue !== '' ? oneOf(roleValue, ROLES, `role.${n}`) : undefined;
      const approved = query[`approved.${n}`];
      filters.push((pr) => {
        const actual = roleOf(pr, username);
        const status = pr.participants.find((p) => p.userSlug === username)?.status ?? null;
        return (
          actual !== undefined &&
          (role === undefined || actual === role) &&
          (typeof approved !== 'string' || (status === 'approved') === (approved.toLowerCase() === 'true'))
        );
      });
    }
    return (pr) => filters.every((filter) => filter(pr));
  },

  /**
   * `order`: NEWEST (most recently updated first, the default) or OLDEST; the dashboard also takes
   * CLOSED_DATE (open ones first, then the most recently closed).
   */
  sorted(prs: readonly FakePullRequest[], value: string | undefined, dashboard = false): FakePullRequest[] {
    const orders = dashboard ? ['NEWEST', 'OLDEST', 'CLOSED_DATE'] : ['NEWEST', 'OLDEST'];
    const order = value === undefined || value === '' ? 'NEWEST' : oneOf(value, orders, 'order');
    const newestFirst = [...prs].sort(
      (a, b) =>
        b.updatedAt.getTime() - a.updatedAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id,
    );
    if (order === 'OLDEST') return newestFirst.reverse();
    if (order === 'CLOSED_DATE') {
      const closed = (pr: FakePullRequest): number => pr.closedAt?.getTime() ?? Number.POSITIVE_INFINITY;
      return newestFirst.sort((a, b) => closed(b) - closed(a));
    }
    return newestFirst;
  },
};
