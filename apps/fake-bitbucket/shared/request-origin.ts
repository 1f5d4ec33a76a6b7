import type { Request } from 'express';

/** `http://host:port` as the client addressed the fake; every link the fake writes starts with it. */
export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}
