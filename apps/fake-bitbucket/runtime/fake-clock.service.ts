import { Injectable } from '@nestjs/common';

/** Wall-clock time for writes and for pipelines that advance on their own. */
@Injectable()
export class FakeClock {
  now(): Date {
    return new Date();
  }
}
