import { FakeBitbucketProcess } from '@app/testing';
import type { Flavor } from '../tool-suite/tool-case';
import { FlavorFuzzing } from './flavor-fuzzing';
import { fuzzCampaign } from './fuzz-campaign';
import { fuzzSettings } from './fuzz-settings';
import { FuzzTally } from './fuzz-tally';
import { FuzzTarget } from './fuzz-target';

const FLAVORS: readonly Flavor[] = ['cloud', 'datacenter'];
/** Both flavors are fuzzed at once, each against its own fake; tool calls get most of the time (they reach the gateway). */
const TOOLS_SHARE = 0.7;
/** On top of the fuzzing time: start-up, catalogue reads, shrinking, restarts after crashes. */
const SLACK_MS = 90_000;
/** The user alice's Data Center credential authenticates (test/tool-suite/bitbucket-env.ts). */
const CALLER = 'alice';

const { seed, seconds } = fuzzSettings;

interface FlavorReports {
  readonly tools: readonly string[];
  readonly protocol: readonly string[];
}

describe(`fuzzing the MCP HTTP server over real HTTP against the fake (seed ${seed}, ${seconds} s: FUZZ_SEED, FUZZ_SECONDS)`, () => {
  const tally = new FuzzTally();
  const fakes: FakeBitbucketProcess[] = [];
  const targets: FuzzTarget[] = [];
  const reports = new Map<Flavor, FlavorReports>();

  async function fuzzFlavor(flavor: Flavor): Promise<void> {
    const fake = await FakeBitbucketProcess.start();
    fakes.push(fake);
    const target = await FuzzTarget.start(fake, flavor);
    targets.push(target);
    const { fuzzer, calls, exchanges, summary } = await FlavorFuzzing.prepare(target, fake, tally, CALLER);
    const tools = await fuzzCampaign({
      name: `${flavor} tools (${summary})`,
      seed,
      budgetMs: seconds * 1000 * TOOLS_SHARE,
      arbitrary: calls,
      exchange: async (call) => fuzzer.call(call),
    });
    const protocol = await fuzzCampaign({
      name: `${flavor} protocol`,
      seed,
      budgetMs: seconds * 1000 * (1 - TOOLS_SHARE),
      arbitrary: exchanges,
      exchange: async (exchange) => fuzzer.protocol(exchange),
    });
    reports.set(flavor, { tools, protocol });
  }

  beforeAll(
    async () => {
      const started = performance.now();
      const outcomes = await Promise.allSettled(FLAVORS.map(async (flavor) => fuzzFlavor(flavor)));
      await Promise.all(targets.map(async (target) => target.stop()));
      await Promise.all(fakes.map(async (fake) => fake.stop()));
      const sent = Object.fromEntries(targets.map((target) => [target.flavor, target.sent]));
      process.stdout.write(`\n${tally.line(seed, sent, seconds, (performance.now() - started) / 1000)}\n`);
      for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
    },
    seconds * 1000 + SLACK_MS,
  );

  const reportsOf = (flavor: Flavor): FlavorReports => {
    const found = reports.get(flavor);
    if (found === undefined) throw new Error(`${flavor} was not fuzzed`);
    return found;
  };

  for (const flavor of FLAVORS) {
    describe(flavor === 'cloud' ? 'Bitbucket Cloud' : 'Bitbucket Data Center', () => {
      it('every tool, prompt and resource template, with hostile arguments and forged cursors: no crash, no 5xx, no stack, no internal error, no upstream call outside what the call named', () => {
        const { tools } = reportsOf(flavor);
        if (tools.length > 0) throw new Error(tools.join('\n\n'));
      });

      it('random and mutated JSON-RPC messages on /mcp and the legacy /messages: no crash, no 5xx, no stack, no internal error, no batch its protocol version removed, no stray upstream call', () => {
        const { protocol } = reportsOf(flavor);
        if (protocol.length > 0) throw new Error(protocol.join('\n\n'));
      });
    });
  }
});
