import { FakeDomainError } from './fake-domain.error';
import type { FakeBuildStatus } from './fake-build-status';
import type { FakeComment } from './fake-comment';
import type { FakeIssue } from './fake-issue';
import type { FakePipeline } from './fake-pipeline';
import type { FakeProject } from './fake-project';
import type { FakePullRequest } from './fake-pull-request';
import type { FakeRepository } from './fake-repository';
import type { FakeUser } from './fake-user';
import type { FakeWorkspace } from './fake-workspace';

/** Everything the fake knows; both flavors read and write this one dataset. */
export class FakeDataset {
  readonly users: FakeUser[] = [];
  readonly workspaces: FakeWorkspace[] = [];
  readonly projects: FakeProject[] = [];
  readonly repositories: FakeRepository[] = [];
  readonly pullRequests: FakePullRequest[] = [];
  readonly comments: FakeComment[] = [];
  readonly pipelines: FakePipeline[] = [];
  readonly issues: FakeIssue[] = [];
  readonly buildStatuses: FakeBuildStatus[] = [];
  private readonly counters = new Map<string, number>();

  /** Next value of a named sequence (comment ids, event ids, pull request ids per repository…). */
  nextId(sequence: string, start = 1): number {
    const next = this.counters.get(sequence) ?? start;
    this.counters.set(sequence, next + 1);
    return next;
  }

  static repoKey(repository: Pick<FakeRepository, 'workspaceSlug' | 'slug'>): string {
    return `${repository.workspaceSlug}/${repository.slug}`;
  }

  findUser(slug: string): FakeUser | undefined {
    const wanted = slug.toLowerCase();
    return this.users.find(
      (u) => u.slug === wanted || u.uuid === slug || u.accountId === slug || u.email.toLowerCase() === wanted,
    );
  }

  user(slug: string): FakeUser {
    const user = this.findUser(slug);
    if (user === undefined)
      throw new FakeDomainError(
        'not-found',
        `User ${slug} does not exist.`,
        'user',
        'com.atlassian.bitbucket.user.NoSuchUserException',
      );
    return user;
  }

  findWorkspace(slugOrUuid: string): FakeWorkspace | undefined {
    return this.workspaces.find((w) => w.slug === slugOrUuid || w.uuid === slugOrUuid);
  }

  findProject(key: string): FakeProject | undefined {
    const wanted = key.toUpperCase();
    return this.projects.find((p) => p.key === wanted || p.uuid === key);
  }

  findRepository(workspaceSlug: string, slug: string): FakeRepository | undefined {
    const workspace = this.findWorkspace(workspaceSlug);
    return this.repositories.find(
      (r) => r.workspaceSlug === workspace?.slug && (r.slug === slug.toLowerCase() || r.uuid === slug),
    );
  }

  findRepositoryInProject(projectKey: string, slug: string): FakeRepository | undefined {
    const project = this.findProject(projectKey);
    return this.repositories.find((r) => r.projectKey === project?.key && r.slug === slug.toLowerCase());
  }

  findRepositoryByKey(repoKey: string): FakeRepository | undefined {
    return this.repositories.find((r) => FakeDataset.repoKey(r) === repoKey);
  }

  repositoryByKey(repoKey: string): FakeRepository {
    const repository = this.findRepositoryByKey(repoKey);
    if (repository === undefined) throw new Error(`dataset inconsistency: no repository ${repoKey}`);
    return repository;
  }

  pullRequestsOf(repository: FakeRepository): FakePullRequest[] {
    const key = FakeDataset.repoKey(repository);
    return this.pullRequests.filter((pr) => pr.repoKey === key);
  }

  findPullRequest(repository: FakeRepository, id: number): FakePullRequest | undefined {
    const key = FakeDataset.repoKey(repository);
    return this.pullRequests.find((pr) => pr.repoKey === key && pr.id === id);
  }

  commentsOf(pullRequest: FakePullRequest): FakeComment[] {
    return this.comments.filter((c) => c.repoKey === pullRequest.repoKey && c.pullRequestId === pullRequest.id);
  }

  pipelinesOf(repository: FakeRepository): FakePipeline[] {
    const key = FakeDataset.repoKey(repository);
    return this.pipelines.filter((p) => p.repoKey === key);
  }

  issuesOf(repository: FakeRepository): FakeIssue[] {
    const key = FakeDataset.repoKey(repository);
    return this.issues.filter((i) => i.repoKey === key);
  }

  buildStatusesOf(repository: FakeRepository, commit: string): FakeBuildStatus[] {
    const key = FakeDataset.repoKey(repository);
    return this.buildStatuses.filter((s) => s.repoKey === key && s.commit === commit);
  }
}
