import { DATACENTER_REPOSITORY } from './datacenter-repository-route';

/** The route of a pull request under the API roots; its resources hang below it. */
export const DATACENTER_PULL_REQUEST = `${DATACENTER_REPOSITORY}/pull-requests/:pullRequestId`;
