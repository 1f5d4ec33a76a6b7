import { SetMetadata } from '@nestjs/common';

export const SKIP_RATE_LIMIT = 'skipRateLimit';

/**
 * Declares a route (or controller) never rate-limited: health probes, which orchestrators and load
 * balancers call on a schedule and must always get an answer. Every other route is limited.
 */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(SKIP_RATE_LIMIT, true);
