export { basicAuth } from './basic-auth';
export { bitbucketModelFixture } from './bitbucket-model.fixture';
export { FakeBitbucketProcess, type FakeRequestRecord } from './fake-bitbucket.process';
export { freePort } from './free-port';
export { REPO_ROOT } from './repo-root';
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
export { englishSentencesIn } from './english-sentences';
