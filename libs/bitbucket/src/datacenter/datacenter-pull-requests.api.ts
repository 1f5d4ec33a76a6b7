import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbPullRequest, BbPullRequestState } from '../model/bb-pull-request';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import { DatacenterCurrentUser } from './datacenter-current-user';
import { datacenterPath } from './datacenter-path';
import { fetchDatacenterPullRequest } from './datacenter-pull-request-fetch';
import type { DatacenterPullRequestJson } from './datacenter-review-json';
import { datacenterReviewMappers } from './datacenter-review-mappers';
import { DatacenterRevisions } from './datacenter-revisions';
import { refuseSourceBranchDeletion } from './datacenter-source-branch-deletion';
import { datacenterVersionedWrite } from './datacenter-versioned-write';
import { datacenterAnswers } from './datacenter-answers';

const PULL_REQUESTS = '/rest/api/latest/projects/{key}/repos/{slug}/pull-requests';
/** The states Data Center has; Cloud's SUPERSEDED has no Data Center pull request in it. */
const DATACENTER_STATES: readonly BbPullRequestState[] = ['OPEN', 'MERGED', 'DECLINED'];

type ParticipantRole = 'AUTHOR' | 'REVIEWER';

/** A ref of this repository as pull request bodies name it. */
const branchRef = (repo: BbRepositoryRef, branch: string): Record<string, unknown> => ({
  id: `refs/heads/${branch}`,
  repository: { slug: repo.repo, project: { key: repo.workspace } },
});

/** Reviewers as Data Center bodies name them (`user.name`); callers name Data Center users by slug. */
const reviewerBodies = (names: readonly string[]): Record<string, unknown>[] =>
  names.map((name) => ({ user: { name } }));

const currentReviewers = (pr: DatacenterPullRequestJson): string[] =>
  (pr.reviewers ?? []).flatMap((reviewer) => reviewer.user?.name ?? reviewer.user?.slug ?? []);

/** Data Center pull requests of a repository (docs/bitbucket-api.md#data-center-pull-requests): listing, reading, creating, updating. */
export class DatacenterPullRequestsApi {
  private readonly currentUser: DatacenterCurrentUser;
  private readonly revisions: DatacenterRevisions;

  constructor(private readonly api: DatacenterApi) {
    this.currentUser = new DatacenterCurrentUser(api);
    this.revisions = new DatacenterRevisions(api);
  }

  /**
   * Data Center lists one `state` or ALL, so several states are ALL filtered here (pages may then come
   * back short). Author, reviewer and "mine" are participant filters (`username.N` + `role.N`): "mine"
   * names the authenticated user as AUTHOR or REVIEWER of this repository's pull requests, rather than
   * the dashboard, which spans every repository.
   */
  async listPullRequests(
    repo: BbRepositoryRef,
    input: {
      states?: readonly BbPullRequestState[];
      author?: string;
      reviewer?: string;
      mine?: 'authored' | 'reviewing';
    },
    options?: PageOptions,
  ): Promise<BbPage<BbPullRequest>> {
    const asked: readonly BbPullRequestState[] =
      input.states === undefined || input.states.length === 0 ? ['OPEN'] : input.states;
    const states = DATACENTER_STATES.filter((state) => asked.includes(state));
    if (states.length === 0) return { items: [] };
    const participants: [string, ParticipantRole][] = [];
    if (input.author !== undefined && input.author !== '') participants.push([input.author, 'AUTHOR']);
    if (input.reviewer !== undefined && input.reviewer !== '') participants.push([input.reviewer, 'REVIEWER']);
    if (input.mine !== undefined) {
      participants.push([await this.currentUser.slug(options), input.mine === 'authored' ? 'AUTHOR' : 'REVIEWER']);
    }
    const page = await this.api.page(
      `pull requests ${repo.workspace}/${repo.repo} ${JSON.stringify([states, participants])}`,
      {
        route: `GET ${PULL_REQUESTS}`,
        values: datacenterAnswers.pullRequest,
        path: datacenterPath.repository(repo, '/pull-requests'),
        query: {
          state: states.length === 1 ? states[0] : 'ALL',
          ...Object.fromEntries(
            participants.flatMap(([user, role], index) => [
              [`username.${index + 1}`, user],
              [`role.${index + 1}`, role],
            ]),
          ),
        },
      },
      options,
      (json: DatacenterPullRequestJson) => datacenterReviewMappers.pullRequest(json),
    );
    return states.length === 1 || states.length === DATACENTER_STATES.length
      ? page
      : { ...page, items: page.items.filter((pr) => states.includes(pr.state)) };
  }

  async getPullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<BbPullRequest> {
    return datacenterReviewMappers.pullRequest(
      await fetchDatacenterPullRequest(this.api, repo, input.id, options?.signal),
    );
  }

  /** Reviewers are user slugs; without a destination, the repository's default branch. */
  async createPullRequest(
    repo: BbRepositoryRef,
    input: {
      title: string;
      description?: string;
      sourceBranch: string;
      destinationBranch?: string;
      reviewers?: readonly string[];
      draft?: boolean;
      closeSourceBranch?: boolean;
    },
    options?: CallOptions,
  ): Promise<BbPullRequest> {
    refuseSourceBranchDeletion(input.closeSourceBranch);
    const destination = input.destinationBranch ?? (await this.revisions.defaultBranch(repo, options?.signal));
    const json = await this.api.json<DatacenterPullRequestJson>(
      {
        method: 'POST',
        route: `POST ${PULL_REQUESTS}`,
        answer: datacenterAnswers.pullRequest,
        path: datacenterPath.repository(repo, '/pull-requests'),
        json: {
          title: input.title,
          ...(input.description === undefined ? {} : { description: input.description }),
          fromRef: branchRef(repo, input.sourceBranch),
          toRef: branchRef(repo, destination),
          ...(input.reviewers === undefined ? {} : { reviewers: reviewerBodies(input.reviewers) }),
          ...(input.draft === undefined ? {} : { draft: input.draft }),
        },
      },
      options?.signal,
    );
    return datacenterReviewMappers.pullRequest(json);
  }

  /**
   * A PUT with the current `version`. Data Center replaces the reviewers (and, in some versions, the
   * description) a PUT leaves out, so the current ones are sent back unless the caller changes them.
   * A stale version is retried once, on a fresh read: the body is the caller's changes plus fields
   * read with that version, so a concurrent change to other fields survives, and one to the same
   * fields is overwritten just as if this call had come a moment later.
   */
  async updatePullRequest(
    repo: BbRepositoryRef,
    input: {
      id: number;
      title?: string;
      description?: string;
      destinationBranch?: string;
      reviewers?: readonly string[];
      draft?: boolean;
    },
    options?: CallOptions,
  ): Promise<BbPullRequest> {
    const json = await datacenterVersionedWrite(
      {
        label: `Pull request ${input.id}`,
        messageKey: 'BITBUCKET_PULL_REQUEST_OUT_OF_DATE',
        params: { repository: `${repo.workspace}/${repo.repo}`, id: input.id },
      },
      async () => fetchDatacenterPullRequest(this.api, repo, input.id, options?.signal),
      async (current) =>
        this.api.json<DatacenterPullRequestJson>(
          {
            method: 'PUT',
            route: `PUT ${PULL_REQUESTS}/{id}`,
            answer: datacenterAnswers.pullRequest,
            path: datacenterPath.repository(repo, `/pull-requests/${input.id}`),
            json: {
              version: current.version,
              title: input.title ?? current.title,
              description: input.description ?? current.description ?? '',
              reviewers: reviewerBodies(input.reviewers ?? currentReviewers(current)),
              ...(input.destinationBranch === undefined ? {} : { toRef: branchRef(repo, input.destinationBranch) }),
              ...(input.draft === undefined ? {} : { draft: input.draft }),
            },
          },
          options?.signal,
        ),
      'retry',
    );
    return datacenterReviewMappers.pullRequest(json);
  }
}
