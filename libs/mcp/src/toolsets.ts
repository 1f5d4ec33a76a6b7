/** The groups tools come in; MCP_TOOLSETS picks which ones a deployment offers. */
export const TOOLSETS = [
  'context',
  'repositories',
  'branches',
  'commits',
  'files',
  'search',
  'pull-requests',
  'reviews',
  'pipelines',
  'issues',
  'users',
] as const;

export type Toolset = (typeof TOOLSETS)[number];
