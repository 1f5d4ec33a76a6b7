import type { Request } from 'express';
import { applyBbql } from './bbql';
import { cloudErrors } from './cloud-errors';
import { cloudPage, type CloudPageOptions } from './cloud-page';

/** Renders, filters by `q`, sorts by `sort`, then pages: a Cloud listing as Bitbucket serves it. */
export function cloudList<T>(
  req: Request,
  items: readonly T[],
  render: (item: T) => unknown,
  options: CloudPageOptions = {},
): Record<string, unknown> {
  const q = typeof req.query.q === 'string' ? req.query.q : undefined;
  const sort = typeof req.query.sort === 'string' ? req.query.sort : undefined;
  let rendered: unknown[];
  try {
    rendered = applyBbql(items.map(render), q, sort);
  } catch (error) {
    throw cloudErrors.badRequest(error instanceof Error ? error.message : 'Invalid query', 'q');
  }
  return cloudPage(req, rendered, (value) => value, options);
}
