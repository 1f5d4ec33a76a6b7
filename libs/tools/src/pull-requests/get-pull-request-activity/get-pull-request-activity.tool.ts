import type { BbActivity, BbPage, BbRepositoryRef, PageOptions } from '@app/bitbucket';
import { McpTool, catalogueText } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PullRequestListingTool } from '../../shared/pull-request-listing.tool-base';

/** Comment texts in the log are excerpts: list_pull_request_comments has them whole. */
const MAX_DETAIL_CHARS = 200;

const activityView = z.object({
  type: z.enum([
    'opened',
    'updated',
    'approved',
    'unapproved',
    'changes_requested',
    'commented',
    'merged',
    'declined',
    'reopened',
    'rescoped',
    'other',
  ]),
  user: z.string().describe(catalogueText('get_pull_request_activity.output.user')),
  date: z.string(),
  detail: z
    .string()
    .optional()
    .describe(catalogueText('get_pull_request_activity.output.detail', { length: MAX_DETAIL_CHARS })),
  commentId: z.number().int().optional(),
});
type ActivityView = z.output<typeof activityView>;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_DETAIL_CHARS ? flat : `${flat.slice(0, MAX_DETAIL_CHARS - 1)}…`;
}

function toActivityView(activity: BbActivity): ActivityView {
  return {
    type: activity.type,
    user: activity.user.name,
    date: activity.date,
    ...(activity.detail === undefined || activity.detail === '' ? {} : { detail: excerpt(activity.detail) }),
    ...(activity.commentId === undefined ? {} : { commentId: activity.commentId }),
  };
}

/** `2026-03-05 16:00 alice commented #1004: Nice and small…` */
function activityLine(activity: ActivityView): string {
  const when = activity.date.slice(0, 16).replace('T', ' ');
  const what = activity.commentId === undefined ? activity.type : `${activity.type} #${activity.commentId}`;
  return `${when} ${activity.user} ${what}${activity.detail === undefined ? '' : `: ${activity.detail}`}`;
}

@McpTool()
@Injectable()
export class GetPullRequestActivityTool extends PullRequestListingTool<BbActivity, typeof activityView> {
  readonly definition = PullRequestListingTool.define(activityView, {
    name: 'get_pull_request_activity',
    title: catalogueText('get_pull_request_activity.title'),
    description: catalogueText('get_pull_request_activity.description'),
    toolset: 'pull-requests',
  });
  protected readonly view = toActivityView;
  protected readonly line = activityLine;

  protected async list(
    repo: BbRepositoryRef,
    input: { id: number },
    options: PageOptions,
  ): Promise<BbPage<BbActivity>> {
    return this.bitbucket.listPullRequestActivity(repo, input, options);
  }
}
