import type { Request } from 'express';
import { requestOrigin } from '../shared/request-origin';

/** Absolute links as Cloud writes them, rooted at the address the client used to reach the fake. */
export class CloudLinks {
  constructor(readonly origin: string) {}

  static of(req: Request): CloudLinks {
    return new CloudLinks(requestOrigin(req));
  }

  /** `{ href }` to an API resource under /2.0. */
  api(path: string): { href: string } {
    return { href: `${this.origin}/2.0${path}` };
  }

  /** `{ href }` to the web UI page of a resource. */
  web(path: string): { href: string } {
    return { href: `${this.origin}${path}` };
  }
}
