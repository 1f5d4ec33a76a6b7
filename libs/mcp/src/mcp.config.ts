import { defineConfig, env } from '@app/config';
import { TOOLSETS } from './toolsets';

const TOOL_NAME = /^[a-z][a-z0-9_]*$/;

export const mcpConfig = defineConfig({
  namespace: 'mcp',
  title: 'MCP tools',
  variables: {
    MCP_TOOLSETS: env.list({
      default: ['all'],
      itemPattern: new RegExp(`^(all|${TOOLSETS.join('|')})$`),
      itemExpects: `toolsets (all, ${TOOLSETS.join(', ')})`,
      description: 'Which groups of tools to offer.',
      example: 'context,repositories,pull-requests,reviews',
    }),
    MCP_READ_ONLY: env.boolean({
      default: false,
      description:
        'Offer and accept only tools that read; tools that change Bitbucket are refused even when called by name.',
    }),
    MCP_ENABLED_TOOLS: env.list({
      default: [],
      itemPattern: TOOL_NAME,
      itemExpects: 'tool names',
      description: 'When set, only these tools (still subject to MCP_READ_ONLY and the flavor).',
      example: 'get_repository,list_pull_requests',
    }),
    MCP_DISABLED_TOOLS: env.list({
      default: [],
      itemPattern: TOOL_NAME,
      itemExpects: 'tool names',
      description: 'Tools never to offer.',
      example: 'delete_branch,merge_pull_request',
    }),
    MCP_STRUCTURED_OUTPUT: env.boolean({
      default: false,
      description:
        "Also list each tool's output schema and answer with structuredContent (the same data as JSON) beside the text, for clients or code that read structured results. Off, tools answer with compact text only: some clients (Claude Code, VS Code) hand the model the JSON instead of the text, which is up to 2.5 times as long (a page of 100 commits), and the catalogue is about 56,000 bytes smaller (92 KB against 36 KB).",
    }),
    MCP_RESPONSE_BUDGET_CHARS: env.integer({
      default: 24000,
      min: 1000,
      max: 1000000,
      description:
        'Most characters a read tool returns as text (about a quarter as many tokens); longer answers are cut and say how to get the rest.',
    }),
    MCP_TOOL_TIMEOUT_MS: env.integer({
      default: 300000,
      min: 1000,
      max: 3600000,
      description:
        'Most time one tool call may take: past it, its Bitbucket requests are aborted and the call answers TOOL_TIMEOUT. wait_for_pipeline returns the run as it stands before this limit, whatever timeoutSeconds asks.',
    }),
  },
  map: (v) => ({
    toolsets: v.MCP_TOOLSETS.includes('all') ? [...TOOLSETS] : v.MCP_TOOLSETS,
    readOnly: v.MCP_READ_ONLY,
    enabledTools: v.MCP_ENABLED_TOOLS,
    disabledTools: v.MCP_DISABLED_TOOLS,
    structuredOutput: v.MCP_STRUCTURED_OUTPUT,
    responseBudgetChars: v.MCP_RESPONSE_BUDGET_CHARS,
    toolTimeoutMs: v.MCP_TOOL_TIMEOUT_MS,
  }),
});
