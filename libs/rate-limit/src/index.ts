export { IpRateLimitGuard } from './ip-rate-limit.guard';
export { RateLimitErrorCode } from './rate-limit-error-code.enum';
export { RateLimitEvents, type RateLimitedEvent } from './rate-limit-events';
export type { RateLimitName } from './rate-limit-rule';
export { rateLimitConfig } from './rate-limit.config';
export { RateLimitModule } from './rate-limit.module';
export { UserRateLimitGuard } from './user-rate-limit.guard';
