import type { ConfigNamespace } from '@app/config';
import { FAKE_BITBUCKET_CONFIGS } from '../apps/fake-bitbucket/fake-bitbucket.configs';
import { MCP_HTTP_CONFIGS } from '../apps/mcp-http/mcp-http.configs';
import { MCP_STDIO_CONFIGS } from '../apps/mcp-stdio/mcp-stdio.configs';

/** Every namespace any app reads, once each, in the order the reference presents them. */
export const ALL_CONFIG_NAMESPACES: readonly ConfigNamespace[] = [
  ...new Set([...MCP_HTTP_CONFIGS, ...MCP_STDIO_CONFIGS, ...FAKE_BITBUCKET_CONFIGS]),
];
