import type { FakeRepository } from '../dataset/fake-repository';
import { datacenterErrors } from '../shared/datacenter-errors';
import type { FakeApiError } from '../shared/fake-api.error';

/** The errors of Data Center's commit, diff and content resources, worded as a real instance words them. */
export const datacenterCodeErrors = {
  /** An unknown commit id or ref in a commits or diff resource. */
  noSuchCommit(repository: FakeRepository, revision: string): FakeApiError {
    return datacenterErrors.notFound(
      `Commit '${revision}' does not exist in repository '${repository.slug}'.`,
      'com.atlassian.bitbucket.commit.NoSuchCommitException',
    );
  },
  /** An unknown `at` in a content (browse, raw, files) resource. */
  noSuchObject(repository: FakeRepository, revision: string): FakeApiError {
    return datacenterErrors.notFound(
      `Object "${revision}" does not exist in repository '${repository.slug}'`,
      'com.atlassian.bitbucket.NoSuchObjectException',
    );
  },
  noSuchPath(path: string, revision: string): FakeApiError {
    return datacenterErrors.notFound(
      `The path "${path}" does not exist at revision "${revision}"`,
      'com.atlassian.bitbucket.content.NoSuchPathException',
    );
  },
  missingParameter(name: string): FakeApiError {
    return datacenterErrors.badRequest(`The ${name} parameter was not supplied.`, name);
  },
  invalidParameter(name: string, value: string, allowed: readonly string[]): FakeApiError {
    return datacenterErrors.badRequest(`'${value}' is not a valid ${name}; use one of ${allowed.join(', ')}.`, name);
  },
};
