import { BitbucketClient, type BbActivity } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { toolArguments } from '../../shared/tool-arguments';

/** Comment texts in the log are excerpts: list_pull_request_comments has them whole. */
const MAX_DETAIL_CHARS = 200;

const input = z.object({ ...pullRequestArguments, cursor: toolArguments.cursor, limit: toolArguments.limit }).strict();

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
  user: z.string().describe('Name of who did it.'),
  date: z.string(),
  detail: z
    .string()
    .optional()
    .describe(`Comment text (first ${MAX_DETAIL_CHARS} characters) or the fields an update changed.`),
  commentId: z.number().int().optional(),
});
type ActivityView = z.output<typeof activityView>;
const output = pageOutput(activityView);

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
export class GetPullRequestActivityTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_pull_request_activity',
    title: 'Get pull request activity',
    description:
      'Returns the history of a pull request, newest first, one line per event: opened, updated (which fields), approved, unapproved, changes requested, commented (with an excerpt and the comment id), merged, declined, reopened. Use list_pull_request_comments for whole comment threads. Pass the cursor for older events.',
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<ActivityView>> {
    const page = await this.bitbucket.listPullRequestActivity(
      repositoryRef(args),
      { id: args.pullRequestId },
      pageOptions(args, context),
    );
    return toListing(page, toActivityView, activityLine, context);
  }

  render(listing: Listing<ActivityView>, context: ToolContext): string {
    return renderListing(listing, activityLine, context);
  }
}
