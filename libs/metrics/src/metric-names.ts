/**
 * The metric names dashboards and alerts are built on (docs/operations.md, Metrics): keep them. Each
 * carries the prefix `bitbucket_mcp_`, as the default process and Node.js metrics do.
 */
export const METRIC = {
  httpRequests: 'bitbucket_mcp_http_requests_total',
  httpRequestDuration: 'bitbucket_mcp_http_request_duration_seconds',
  sessionsActive: 'bitbucket_mcp_sessions_active',
  sessionsOpened: 'bitbucket_mcp_sessions_opened_total',
  sessionsClosed: 'bitbucket_mcp_sessions_closed_total',
  toolCalls: 'bitbucket_mcp_tool_calls_total',
  toolCallDuration: 'bitbucket_mcp_tool_call_duration_seconds',
  upstreamRequests: 'bitbucket_mcp_upstream_requests_total',
  upstreamRequestDuration: 'bitbucket_mcp_upstream_request_duration_seconds',
  upstreamRetries: 'bitbucket_mcp_upstream_request_retries_total',
  upstreamTokenRefreshes: 'bitbucket_mcp_upstream_token_refreshes_total',
  breakerState: 'bitbucket_mcp_circuit_breaker_state',
  breakerTransitions: 'bitbucket_mcp_circuit_breaker_transitions_total',
  breakerRejections: 'bitbucket_mcp_circuit_breaker_rejections_total',
  rateLimitRefusals: 'bitbucket_mcp_rate_limit_refusals_total',
  authFailures: 'bitbucket_mcp_auth_failures_total',
  eventStoreOperations: 'bitbucket_mcp_event_store_operations_total',
  eventStoreFailures: 'bitbucket_mcp_event_store_failures_total',
  eventStoreFallbacks: 'bitbucket_mcp_event_store_fallbacks_total',
  buildInfo: 'bitbucket_mcp_build_info',
} as const;
