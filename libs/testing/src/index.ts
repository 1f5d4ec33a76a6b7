export { basicAuth } from './basic-auth';
export { bitbucketModelFixture } from './bitbucket-model.fixture';
export { FakeBitbucketProcess, type FakeRequestRecord } from './fake-bitbucket.process';
export { freePort } from './free-port';
export { REPO_ROOT } from './repo-root';
export { SpawnedProcess, type ProcessExit } from './spawned-process';
export { toolContextFixture } from './tool-context.fixture';
export { McpHttpProcess } from './mcp-http.process';
