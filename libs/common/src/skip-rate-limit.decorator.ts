import { SetMetadata } from '@nestjs/common';

export const SKIP_RATE_LIMIT = 'skipRateLimit';

/**
 * Declares a route (or controller) never rate-limited: health probes and the metrics scrape, which
 * orchestrators, load balancers and Prometheus call on a schedule and must always get an answer.
 * Every other route is limited.
 */
export const SkipRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(SKIP_RATE_LIMIT, true);
