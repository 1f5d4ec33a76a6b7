/** The route of a repository under the API roots; its resources hang below it. */
export const DATACENTER_REPOSITORY = 'projects/:projectKey/repos/:repositorySlug';
