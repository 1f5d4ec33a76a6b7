export { basicAuth } from './basic-auth';
export { bitbucketModelFixture } from './bitbucket-model.fixture';
export { FakeBitbucketProcess, type FakeRequestRecord } from './fake-bitbucket.process';
export { freePort } from './free-port';
export { REPO_ROOT } from './repo-root';
export {
  PrometheusProcess,
  type PrometheusAnswer,
  type PrometheusQueryData,
  type PrometheusSeries,
} from './prometheus.process';
export { RedisServerProcess } from './redis-server.process';
export { SpawnedProcess, type ProcessExit } from './spawned-process';
export { toolContextFixture } from './tool-context.fixture';
export { withEnvironment } from './with-environment';
export { McpHttpProcess } from './mcp-http.process';
export { type ForgedTokenClaims, type ForgedTokenKind } from './forge-access-token';
export { InMemoryOAuthClientProvider } from './in-memory-oauth-client.provider';
export {
  OAuthServerProcess,
  type AccessTokenFormat,
  type ClientCredentialsTokenRequest,
  type ConfidentialClient,
  type OAuthServerOptions,
  type OutageMode,
} from './oauth-server.process';
export { environmentSecrets } from './environment-secrets';
export { findLeakedSecrets, type LeakedSecret } from './leaked-secret.scanner';
export { SECRET_VARIABLES } from './secret-variables';
export { spawnEnvironment } from './spawn-environment';
export { TestRun } from './test-run';
export { readAuditRecords } from './audit-records';
export { stdioServerTransport } from './stdio-server-transport';
export { NginxProcess } from './nginx.process';
export { textAnswer } from './text-answer';
export { PrometheusScrape } from './prometheus-scrape';
export { englishSentencesIn } from './english-sentences';
