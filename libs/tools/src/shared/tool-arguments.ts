import { z } from 'zod';

/**
 * Arguments shared by many tools, described once so every tool reads the same to the model.
 * `workspace` is the Cloud workspace slug or the Data Center project key.
 */
export const toolArguments = {
  workspace: z
    .string()
    .min(1)
    .max(200)
    .describe('Bitbucket Cloud workspace slug, or Bitbucket Data Center project key (e.g. "acme" or "PLAT").'),
  repo: z.string().min(1).max(200).describe('Repository slug (e.g. "payments-api").'),
  pullRequestId: z.number().int().positive().describe('Pull request number.'),
  ref: z.string().min(1).max(500).describe('Branch name, tag name or commit hash.'),
  cursor: z
    .string()
    .max(4000)
    .optional()
    .describe('Continue a listing: pass the cursor returned by the previous call.'),
  limit: z.number().int().min(1).max(100).optional().describe('Items per page (default 25, at most 100).'),
};
