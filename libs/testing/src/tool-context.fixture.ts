import type { ToolContext } from '@app/mcp';

/**
 * A ToolContext for unit specs of tools: messages render as `key {params}` so a spec can assert which
 * message and which values a tool chose without depending on the catalogue's wording.
 */
export function toolContextFixture(overrides: Partial<ToolContext> = {}): ToolContext {
  return {
    signal: new AbortController().signal,
    deadline: Number.POSITIVE_INFINITY,
    locale: 'en',
    correlationId: 'test-correlation-id',
    budgetChars: 24000,
    progress: async () => Promise.resolve(),
    log: async () => Promise.resolve(),
    t: (key, params) => (params === undefined ? key : `${key} ${JSON.stringify(params)}`),
    ...overrides,
  };
}
