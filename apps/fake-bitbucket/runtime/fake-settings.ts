import { z } from 'zod';

/** Knobs tests turn at run time through PUT /__fake/settings; reset restores the defaults. */
export const fakeSettingsSchema = z.object({
  /** Lifetime of OAuth access tokens the fake issues (Bitbucket Cloud: 7200 s). */
  oauthTokenTtlSeconds: z.number().int().min(1).max(86_400).default(7200),
  /** How long a triggered pipeline stays PENDING before its first step starts. */
  pipelinePendingMs: z.number().int().min(0).max(600_000).default(1000),
  /** How long each step of a triggered pipeline runs. */
  pipelineStepMs: z.number().int().min(0).max(600_000).default(3000),
  /** Answer Cloud merges with 202 and a task-status Location (as Bitbucket does for slow merges). */
  asyncMerges: z.boolean().default(false),
});

export type FakeSettings = z.output<typeof fakeSettingsSchema>;
