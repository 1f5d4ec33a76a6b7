import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'publicRoute';

/**
 * Declares a route (or controller) reachable without authentication: probes, metrics, discovery
 * documents. Every other route is denied to anonymous callers by the global auth guard.
 */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
