import type { FakeRepository } from '../dataset/fake-repository';
import { FakeDomainError } from '../dataset/fake-domain.error';
import { datacenterErrors } from '../shared/datacenter-errors';
import type { FakeApiError } from '../shared/fake-api.error';

/** Errors of Data Center's pull request resources, worded as Bitbucket words them. */
export const datacenterReviewErrors = {
  noSuchPullRequest(id: string, repository: FakeRepository): FakeApiError {
    return datacenterErrors.notFound(
      `Pull request ${id} does not exist in ${repository.projectKey}/${repository.slug}.`,
      'com.atlassian.bitbucket.pull.NoSuchPullRequestException',
    );
  },
  noSuchUser(slug: string): FakeApiError {
    return datacenterErrors.notFound(
      `User ${slug} does not exist.`,
      'com.atlassian.bitbucket.user.NoSuchUserException',
    );
  },
  /** Data Center answers 401 (not 403) when the caller may see a resource but not change it. */
  notPermitted(message: string): FakeApiError {
    return datacenterErrors.error(401, message, 'com.atlassian.bitbucket.AuthorisationException');
  },
  /**
   * Runs a shared write whose "invalid" failures Data Center reports as 409 (same branches, nothing
   * to merge, unusable reviewers, wrong state); its conflict bodies name no field (`context` null).
   */
  conflictOnInvalid<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (!(error instanceof FakeDomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
      throw new FakeDomainError('conflict', error.message, undefined, error.exceptionName, error.extra);
    }
  },
};
