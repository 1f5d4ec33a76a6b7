import type { Request } from 'express';
import type { FileBlob } from '../git/file-blob';
import { datacenterPage } from '../shared/datacenter-page';

/** Data Center's `page.max.source.lines`. */
const MAX_LINES = 5000;

/** A page of a text file's lines, paged with `start`/`limit` like any page but holding `lines`, not `values`. */
export function datacenterLinePage(req: Request, blob: FileBlob): Record<string, unknown> {
  const lines = blob.text.split('\n').slice(0, blob.lineCount);
  const { values, ...page } = datacenterPage(req, lines, (text) => ({ text }), { maxLimit: MAX_LINES });
  return { lines: values, ...page };
}
