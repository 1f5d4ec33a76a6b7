import type { FakeBitbucketProcess } from '@app/testing';
import type fc from 'fast-check';
import type { ArgumentSources } from './arguments.arbitrary';
import { cursorTargets } from './cursor-targets';
import { forgedCursor } from './forged-cursor.arbitrary';
import type { FuzzTally } from './fuzz-tally';
import type { FuzzTarget } from './fuzz-target';
import { Fuzzer } from './fuzzer';
import { harvestCursors } from './harvest-cursors';
import { hostileString } from './hostile-string.arbitrary';
import type { McpCall } from './mcp-call';
import { mcpCallArbitrary } from './mcp-call.arbitrary';
import type { ProtocolExchange } from './protocol-exchange';
import { protocolExchangeArbitrary } from './protocol-exchange.arbitrary';
import { readCatalogue } from './read-catalogue';
import { seededValues } from './seeded-values';

/** The generators and the fuzzer for one flavor's server, built from what that server lists and answers. */
export class FlavorFuzzing {
  private constructor(
    readonly fuzzer: Fuzzer,
    readonly calls: fc.Arbitrary<McpCall>,
    readonly exchanges: fc.Arbitrary<ProtocolExchange>,
    /** How many tools, prompts and templates, and how many real cursors were harvested. */
    readonly summary: string,
  ) {}

  static async prepare(
    target: FuzzTarget,
    fake: FakeBitbucketProcess,
    tally: FuzzTally,
    caller: string,
  ): Promise<FlavorFuzzing> {
    await fake.reset();
    const catalogue = await readCatalogue(target);
    const seeded = seededValues(target.flavor);
    const replays = await harvestCursors(target, catalogue, seeded);
    const targets = cursorTargets(target.flavor, fake.url);
    const sources: ArgumentSources = {
      seeded,
      hostile: hostileString(seeded),
      cursor: forgedCursor(
        replays.map(({ cursor }) => cursor),
        targets,
      ),
    };
    const calls = mcpCallArbitrary(catalogue, sources, replays, targets);
    const summary = `${catalogue.tools.length} tools, ${catalogue.prompts.length} prompts, ${catalogue.templates.length} resource templates, ${replays.length} harvested cursors`;
    return new FlavorFuzzing(
      new Fuzzer(target, fake, catalogue, tally, caller),
      calls,
      protocolExchangeArbitrary(calls),
      summary,
    );
  }
}
