import { describeRateLimitStorageContract } from '../test/rate-limit-storage.contract';
import { MemoryRateLimitStorage } from './memory-rate-limit.storage';

describe('MemoryRateLimitStorage', () => {
  describe('the storage contract', () => {
    describeRateLimitStorageContract(() => {
      let now = 1_000_000;
      return {
        storage: new MemoryRateLimitStorage(() => now),
        advance: async (ms) => {
          now += ms;
          return Promise.resolve();
        },
      };
    }, 60_000);
  });

  it('forgets finished windows and blocks once a minute, so one-off trackers do not pile up', () => {
    let now = 0;
    const storage = new MemoryRateLimitStorage(() => now);
    for (let n = 0; n < 1000; n += 1) storage.hit(`ip:${n}`, 1000, 1, n % 2 === 0 ? 0 : 5000);
    for (let n = 0; n < 1000; n += 1) storage.hit(`ip:${n}`, 1000, 1, n % 2 === 0 ? 0 : 5000);
    const sizes = (): number[] => {
      const inside = storage as unknown as { windows: Map<string, unknown>; blocks: Map<string, unknown> };
      return [inside.windows.size, inside.blocks.size];
    };
    expect(sizes()).toEqual([500, 500]);
    now = 60_001;
    storage.hit('ip:new', 1000, 1, 0);
    expect(sizes()).toEqual([1, 0]);
  });
});
