import type { Request } from 'express';

export interface DatacenterPageOptions {
  readonly defaultLimit?: number;
  readonly maxLimit?: number;
}

function nonNegativeInt(value: unknown, fallback: number): number {
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

/** One page in Bitbucket Data Center's format: `start`/`limit` in, `isLastPage`/`nextPageStart` out. */
export function datacenterPage<T>(
  req: Request,
  items: readonly T[],
  render: (item: T) => unknown,
  options: DatacenterPageOptions = {},
): Record<string, unknown> {
  const start = nonNegativeInt(req.query.start, 0);
  const limit = Math.max(
    1,
    Math.min(options.maxLimit ?? 1000, nonNegativeInt(req.query.limit, options.defaultLimit ?? 25)),
  );
  const values = items.slice(start, start + limit).map(render);
  const isLastPage = start + limit >= items.length;
  return {
    size: values.length,
    limit,
    isLastPage,
    start,
    ...(isLastPage ? {} : { nextPageStart: start + limit }),
    values,
  };
}
