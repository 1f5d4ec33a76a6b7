import { z } from 'zod';
import { toolArguments } from '../shared/tool-arguments';

/** Arguments creating and updating a pull request share, described once. */
export const pullRequestWriteArguments = {
  title: z.string().min(1).max(255).describe('Title of the pull request.'),
  description: z.string().max(32000).describe('Description, in Markdown.'),
  destinationBranch: toolArguments.refName.describe('Branch the changes are to be merged into.'),
  reviewers: z
    .array(z.string().min(1).max(200))
    .max(50)
    .describe(
      'Reviewers: Cloud nicknames, uuids or account ids; Data Center user slugs. The author cannot be one of them.',
    ),
  draft: z.boolean().describe('A draft is not ready for review or merge.'),
};
