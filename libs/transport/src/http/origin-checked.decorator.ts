import { SetMetadata } from '@nestjs/common';

export const ORIGIN_CHECKED = 'originChecked';

/**
 * Declares a controller (or route) a browser-callable MCP surface: the global OriginGuard applies the
 * Origin and Host checks to it, before authentication.
 */
export const OriginChecked = (): MethodDecorator & ClassDecorator => SetMetadata(ORIGIN_CHECKED, true);
