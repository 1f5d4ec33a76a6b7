/** The pull request fields create_pull_request and update_pull_request both write. */
interface PullRequestWriteFields {
  description?: string;
  destinationBranch?: string;
  reviewers?: readonly string[];
  draft?: boolean;
}

/** The shared write fields the caller gave, as the gateway takes them: a field not given is left out. */
export function pullRequestWriteFields(args: PullRequestWriteFields): PullRequestWriteFields {
  return {
    ...(args.description === undefined ? {} : { description: args.description }),
    ...(args.destinationBranch === undefined ? {} : { destinationBranch: args.destinationBranch }),
    ...(args.reviewers === undefined ? {} : { reviewers: args.reviewers }),
    ...(args.draft === undefined ? {} : { draft: args.draft }),
  };
}
