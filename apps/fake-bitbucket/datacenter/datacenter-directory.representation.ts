import type { Request } from 'express';
import { datacenterPage } from '../shared/datacenter-page';
import { datacenterPath } from './datacenter-path.representation';
import type { DatacenterTree } from './datacenter-tree';

/** Data Center's `page.max.directory.children`. */
const MAX_CHILDREN = 1000;

/** A directory as `browse` answers it: its path, the revision asked for, and a page of its children (relative paths). */
export function datacenterDirectory(
  req: Request,
  tree: DatacenterTree,
  path: string,
  revision: string,
): Record<string, unknown> {
  return {
    path: datacenterPath(path),
    revision,
    children: datacenterPage(
      req,
      tree.children(path),
      (entry) => ({
        path: datacenterPath(entry.name),
        contentId: entry.contentId,
        type: entry.type,
        ...(entry.blob === undefined ? {} : { size: entry.blob.content.length }),
      }),
      { maxLimit: MAX_CHILDREN },
    ),
  };
}
