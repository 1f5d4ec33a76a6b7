import type { Request } from 'express';
import { requestOrigin } from './request-origin';

export interface CloudPageOptions {
  readonly defaultPagelen?: number;
  /**
   * Iterator pagination (commits): only `pagelen`, `values` and an opaque `next`, no `size`/`page`
   * (docs/bitbucket-api.md#cloud-pagination).
   */
  readonly iterator?: boolean;
}

const MAX_PAGELEN = 100;

function positiveInt(value: unknown, fallback: number): number {
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

function pageUrl(req: Request, page: string): string {
  const url = new URL(req.originalUrl, requestOrigin(req));
  url.searchParams.set('page', page);
  return url.toString();
}

const encodeCursor = (page: number): string => Buffer.from(`c${page}`).toString('base64url');
function decodeCursor(value: unknown): number {
  if (typeof value !== 'string') return 1;
  const decoded = Buffer.from(value, 'base64url').toString('utf8');
  return /^c\d+$/.test(decoded) ? positiveInt(decoded.slice(1), 1) : 1;
}

/** One page in Bitbucket Cloud's format; `next`/`previous` are absolute URLs to follow as they are. */
export function cloudPage<T>(
  req: Request,
  items: readonly T[],
  render: (item: T) => unknown,
  options: CloudPageOptions = {},
): Record<string, unknown> {
  const pagelen = Math.min(MAX_PAGELEN, positiveInt(req.query.pagelen, options.defaultPagelen ?? 10));
  const page = options.iterator === true ? decodeCursor(req.query.page) : positiveInt(req.query.page, 1);
  const values = items.slice((page - 1) * pagelen, page * pagelen).map(render);
  const hasNext = page * pagelen < items.length;
  if (options.iterator === true) {
    return { pagelen, values, ...(hasNext ? { next: pageUrl(req, encodeCursor(page + 1)) } : {}) };
  }
  return {
    size: items.length,
    page,
    pagelen,
    ...(hasNext ? { next: pageUrl(req, String(page + 1)) } : {}),
    ...(page > 1 ? { previous: pageUrl(req, String(page - 1)) } : {}),
    values,
  };
}
