import { cloudErrors } from '../shared/cloud-errors';
import { FakeApiError } from '../shared/fake-api.error';

/** The 404s and 400s of Cloud's code routes, with the messages bitbucket.org answers where they are known. */
export const cloudCodeErrors = {
  /** Cloud repeats `data` at the top level of this one body. */
  commitNotFound(...shas: readonly string[]): FakeApiError {
    const data = { shas };
    return new FakeApiError(404, { type: 'error', error: { message: 'Commit not found', data }, data });
  },
  noSuchPath(path: string): FakeApiError {
    return cloudErrors.notFound(`No such file or directory: ${path}`);
  },
  branchNotFound(name: string): FakeApiError {
    return cloudErrors.notFound(`Branch "${name}" does not exist.`);
  },
  tagNotFound(name: string): FakeApiError {
    return cloudErrors.notFound(`Tag "${name}" does not exist.`);
  },
  refExists(kind: 'Branch' | 'Tag', name: string): FakeApiError {
    return cloudErrors.badRequest(`${kind} "${name}" already exists.`, 'name');
  },
  /** A tag's target that names no commit (POST …/refs/tags answers 400 for it). */
  invalidTarget(hash: string): FakeApiError {
    return cloudErrors.badRequest(`"${hash}" is not a valid hash or reference.`, 'target');
  },
  noIssueTracker(): FakeApiError {
    return cloudErrors.notFound('Repository has no issue tracker.');
  },
  issueNotFound(id: string): FakeApiError {
    return cloudErrors.notFound(`Issue ${id} not found.`);
  },
  pipelineNotFound(uuid: string): FakeApiError {
    return cloudErrors.error(404, 'Not found', { detail: `Pipeline ${uuid} does not exist.` });
  },
  stepNotFound(uuid: string): FakeApiError {
    return cloudErrors.error(404, 'Not found', { detail: `Step ${uuid} does not exist.` });
  },
};
