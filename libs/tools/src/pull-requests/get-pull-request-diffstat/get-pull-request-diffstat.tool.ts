import type { BbFileChange, BbPage, BbRepositoryRef, PageOptions } from '@app/bitbucket';
import { McpTool, catalogueText, type ToolContext } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PullRequestListingTool } from '../../shared/pull-request-listing.tool-base';

const fileChangeView = z.object({
  path: z.string(),
  oldPath: z.string().optional().describe(catalogueText('get_pull_request_diffstat.output.oldPath')),
  status: z.enum(['added', 'modified', 'removed', 'renamed', 'copied']),
  linesAdded: z.number().int().optional(),
  linesRemoved: z.number().int().optional(),
  binary: z.boolean().optional(),
});
type FileChangeView = z.output<typeof fileChangeView>;

function toFileChangeView(change: BbFileChange): FileChangeView {
  return {
    path: change.path,
    ...(change.oldPath === undefined || change.oldPath === change.path ? {} : { oldPath: change.oldPath }),
    status: change.status,
    ...(change.linesAdded === undefined ? {} : { linesAdded: change.linesAdded }),
    ...(change.linesRemoved === undefined ? {} : { linesRemoved: change.linesRemoved }),
    ...(change.binary === true ? { binary: true } : {}),
  };
}

/** `modified src/a.ts +10 -2`, `renamed old.ts → new.ts +0 -0`, `added logo.png (binary)`; counts when known. */
function fileChangeLine(change: FileChangeView, context: ToolContext): string {
  const path = change.oldPath === undefined ? change.path : `${change.oldPath} → ${change.path}`;
  const counted = change.linesAdded !== undefined || change.linesRemoved !== undefined;
  const counts =
    change.binary === true
      ? ` ${context.t('tools.DIFFSTAT_BINARY')}`
      : counted
        ? ` +${change.linesAdded ?? 0} -${change.linesRemoved ?? 0}`
        : '';
  return `${change.status} ${path}${counts}`;
}

@McpTool()
@Injectable()
export class GetPullRequestDiffstatTool extends PullRequestListingTool<BbFileChange, typeof fileChangeView> {
  readonly definition = PullRequestListingTool.define(fileChangeView, {
    name: 'get_pull_request_diffstat',
    title: catalogueText('get_pull_request_diffstat.title'),
    description: catalogueText('get_pull_request_diffstat.description'),
    toolset: 'pull-requests',
  });
  protected readonly view = toFileChangeView;
  protected readonly line = fileChangeLine;

  protected async list(
    repo: BbRepositoryRef,
    input: { id: number },
    options: PageOptions,
  ): Promise<BbPage<BbFileChange>> {
    return this.bitbucket.getPullRequestDiffstat(repo, input, options);
  }
}
