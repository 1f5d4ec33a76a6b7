import { FakeBitbucketProcess, McpHttpProcess } from '@app/testing';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';

/**
 * A suite's fake Bitbucket Cloud and the built servers it starts against it, stopped together after
 * the suite: `startFake` in beforeAll, `start` in the tests, `stopAll` in afterAll.
 */
export class ServersOnFake {
  /** Every server started (or adopted), in order. */
  readonly servers: McpHttpProcess[] = [];
  private fake: FakeBitbucketProcess | undefined;

  /** `defaults` go to every server, before each start's own settings. */
  constructor(private readonly defaults: Record<string, string> = {}) {}

  async startFake(): Promise<FakeBitbucketProcess> {
    this.fake = await FakeBitbucketProcess.start();
    return this.fake;
  }

  /** A server pointed at the fake Cloud with the defaults, then `env`. */
  async start(env: Record<string, string> = {}): Promise<McpHttpProcess> {
    if (this.fake === undefined) throw new Error('ServersOnFake: startFake first');
    return this.adopt(await McpHttpProcess.start({ ...bitbucketEnv(this.fake, 'cloud'), ...this.defaults, ...env }));
  }

  /** A server the suite started with settings of its own, stopped with the rest. */
  adopt(server: McpHttpProcess): McpHttpProcess {
    this.servers.push(server);
    return server;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.servers.map(async (server) => server.stop()));
    await this.fake?.stop();
  }
}
