import { FakeBitbucketProcess, McpHttpProcess } from '@app/testing';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { openSession } from './mcp-http-client';
import { cutAndResumePipelineWait, expectNothingLostNothingTwice, PIPELINE_WAIT_ENV } from './pipeline-wait-resumption';

const REDIS_URL = process.env.REDIS_URL;
if (REDIS_URL === undefined) {
  console.warn('REDIS_URL is not set: the Redis event store variant of the resume suite does not run.');
}
interface EventStoreVariant {
  readonly name: string;
  readonly env: Record<string, string>;
  /** The sequence part of its event ids: a counter in memory, a stream id (`ms-seq`) in Redis. */
  readonly idShape: RegExp;
}

const STORES: EventStoreVariant[] = [
  { name: 'the memory event store', env: {}, idShape: /\.\d+$/ },
  ...(REDIS_URL === undefined ? [] : [{ name: 'the Redis event store', env: { REDIS_URL }, idShape: /\.\d+-\d+$/ }]),
];

/**
 * A client whose connection is cut in the middle of a long tool call (wait_for_pipeline, emitting
 * progress) resumes with Last-Event-ID and gets every event it missed and the result, none twice.
 */
describe.each(STORES)('Streamable HTTP resumption after a cut connection, with $name', ({ env, idShape }) => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    server = await McpHttpProcess.start({ ...bitbucketEnv(fake, 'cloud'), ...PIPELINE_WAIT_ENV, ...env });
  });

  afterAll(async () => {
    await server.stop();
    await fake.stop();
  });

  it('replays every missed progress event and the result, in order, exactly once', async () => {
    const session = await openSession(server.mcpUrl);
    const run = await cutAndResumePipelineWait(server.mcpUrl, fake, session, 42);
    expect(run.lastId).toMatch(idShape);
    expectNothingLostNothingTwice(run);
  }, 40000);
});
