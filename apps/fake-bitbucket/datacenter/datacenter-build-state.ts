import { z } from 'zod';
import type { FakeBuildState } from '../dataset/fake-build-status';

const TO_FAKE = {
  SUCCESSFUL: 'SUCCESSFUL',
  FAILED: 'FAILED',
  INPROGRESS: 'INPROGRESS',
  CANCELLED: 'STOPPED',
} as const satisfies Record<string, FakeBuildState>;

type DatacenterBuildState = keyof typeof TO_FAKE;

/** Build states as Data Center names them; the shared dataset keeps Cloud's STOPPED for CANCELLED. */
export const datacenterBuildState = {
  schema: z.enum(['SUCCESSFUL', 'FAILED', 'INPROGRESS', 'CANCELLED'], {
    error: 'state must be one of SUCCESSFUL, FAILED, INPROGRESS or CANCELLED.',
  }),
  toFake(state: DatacenterBuildState): FakeBuildState {
    return TO_FAKE[state];
  },
  of(state: FakeBuildState): DatacenterBuildState {
    return state === 'STOPPED' ? 'CANCELLED' : state;
  },
};
