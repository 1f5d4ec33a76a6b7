import type { FakeInlineAnchor } from '../dataset/fake-comment';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { DiffLineMap } from './datacenter-diff-line-map';
import type { DatacenterReviewContext } from './datacenter-review-context';

/** Which side and line kind a stored `from`/`to` anchor is on Data Center's effective diff. */
function lineOf(
  anchor: FakeInlineAnchor,
  lines: DiffLineMap,
): { line: number; lineType: string; fileType: 'FROM' | 'TO' } | undefined {
  if (anchor.to !== undefined) {
    const lineType = anchor.from === undefined ? lines.lineType('TO', anchor.to) : 'CONTEXT';
    return { line: anchor.to, lineType, fileType: 'TO' };
  }
  if (anchor.from !== undefined)
    return { line: anchor.from, lineType: lines.lineType('FROM', anchor.from), fileType: 'FROM' };
  return undefined;
}

/** RestCommentThreadDiffAnchor of a file or line comment, on the pull request's effective diff. */
export function datacenterCommentAnchor(
  anchor: FakeInlineAnchor,
  pr: FakePullRequest,
  context: Pick<DatacenterReviewContext, 'pullRequests'>,
): Record<string, unknown> {
  const { pullRequests } = context;
  const change = pullRequests.changes(pr).find((c) => c.newPath === anchor.path || c.oldPath === anchor.path);
  const renamedFrom = change?.status === 'renamed' && change.newPath === anchor.path ? change.oldPath : undefined;
  return {
    fromHash: pullRequests.destinationHead(pr),
    toHash: pullRequests.sourceHead(pr),
    ...lineOf(anchor, new DiffLineMap(change)),
    path: anchor.path,
    ...(renamedFrom === undefined ? {} : { srcPath: renamedFrom }),
    diffType: 'EFFECTIVE',
  };
}
