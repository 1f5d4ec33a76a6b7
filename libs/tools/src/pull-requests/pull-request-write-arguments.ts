import { z } from 'zod';
import { toolArguments } from '../shared/tool-arguments';
import { catalogueText } from '@app/mcp';

/** Arguments creating and updating a pull request share, described once. */
export const pullRequestWriteArguments = {
  title: z.string().min(1).max(255).describe(catalogueText('params.pullRequestTitle')),
  description: z.string().max(32000).describe(catalogueText('params.pullRequestDescription')),
  destinationBranch: toolArguments.refName.describe(catalogueText('params.destinationBranch')),
  reviewers: z.array(z.string().min(1).max(200)).max(50).describe(catalogueText('params.reviewers')),
  draft: z.boolean().describe(catalogueText('params.draft')),
};
