import type { Request } from 'express';
import { requestOrigin } from '../shared/request-origin';

/** Data Center links: arrays of `{ href }`, rooted at the address the client used. */
export class DatacenterLinks {
  constructor(readonly origin: string) {}

  static of(req: Request): DatacenterLinks {
    return new DatacenterLinks(requestOrigin(req));
  }

  self(path: string): { self: { href: string }[] } {
    return { self: [{ href: `${this.origin}${path}` }] };
  }

  href(path: string): string {
    return `${this.origin}${path}`;
  }
}
