import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { PullRequestOperations, type MergeKind } from '../domain/pull-request.operations';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { datacenterActivity } from './datacenter-activity.representation';
import { DATACENTER_PULL_REQUEST as PULL_REQUEST } from './datacenter-pull-request-route';
import { DatacenterPullRequestRoutes } from './datacenter-pull-request-routes';
import { datacenterPullRequestMergeability } from './datacenter-pull-request-mergeability.representation';
import { datacenterPullRequest } from './datacenter-pull-request.representation';
import { datacenterReviewErrors } from './datacenter-review-errors';
import type { DatacenterReviewContext } from './datacenter-review-context';
import { DatacenterRoutePullRequest } from './datacenter-route-pull-request.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';
import { datacenterVersion } from './datacenter-version';

/** State changes take their `version` from the query or, failing that, the body. */
const version = z.number().int().min(0).optional();
const mergeSchema = z.object({
  version,
  message: z.string().optional(),
  strategyId: z.string().optional(),
  autoSubject: z.union([z.boolean(), z.string()]).optional(),
  autoMerge: z.boolean().optional(),
});
const declineSchema = z.object({ version, comment: z.string().optional() });
const reopenSchema = z.object({ version });

type MergeStrategy = (canFastForward: boolean) => MergeKind;

/** Data Center's merge strategy ids; the fake cannot rebase, so a rebase lands as one squashed commit. */
const STRATEGIES: Readonly<Record<string, MergeStrategy>> = {
  'no-ff': () => 'merge-commit',
  ff: () => 'fast-forward-or-merge',
  'ff-only': () => 'fast-forward',
  squash: () => 'squash',
  'squash-ff-only': () => 'squash-fast-forward',
  'rebase-no-ff': () => 'merge-commit',
  'rebase-ff-only': (canFastForward) => (canFastForward ? 'fast-forward' : 'squash'),
};

/** Merge checks that veto a merge whatever the code says: a draft must be published first. */
function vetoesOf(pr: FakePullRequest): { summaryMessage: string; detailedMessage: string }[] {
  return pr.draft
    ? [
        {
          summaryMessage: 'This pull request is a draft',
          detailedMessage: 'Draft pull requests cannot be merged. Publish the pull request to merge it.',
        },
      ]
    : [];
}

/** Merge (and its dry run), decline, reopen and the activity stream of a pull request. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterPullRequestReviewController {
  constructor(
    private readonly operations: PullRequestOperations,
    private readonly routes: DatacenterPullRequestRoutes,
  ) {}

  @Get(`${PULL_REQUEST}/merge`)
  canMerge(@DatacenterRoutePullRequest() pr: FakePullRequest): Record<string, unknown> {
    this.routes.requireOpen(pr);
    return datacenterPullRequestMergeability(this.operations.mergePreview(pr), vetoesOf(pr));
  }

  @Post(`${PULL_REQUEST}/merge`)
  @HttpCode(200)
  merge(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { input, context } = this.stateChange(mergeSchema, pr, caller, body, req);
    this.routes.requireOpen(pr);
    const strategy = STRATEGIES[input.strategyId ?? 'no-ff'];
    if (strategy === undefined) {
      throw datacenterErrors.badRequest(
        `'${input.strategyId ?? ''}' is not a merge strategy; use one of ${Object.keys(STRATEGIES).join(', ')}.`,
        'strategyId',
      );
    }
    const vetoes = vetoesOf(pr);
    if (vetoes.length > 0) {
      throw datacenterErrors.error(
        409,
        'Merging the pull request has been vetoed.',
        'com.atlassian.bitbucket.pull.PullRequestMergeVetoedException',
        { extra: { conflicted: false, vetoes } },
      );
    }
    const kind = strategy(this.operations.mergePreview(pr).canFastForward);
    const autoSubject = input.autoSubject !== false && input.autoSubject !== 'false';
    this.operations.merge(pr, caller.user, {
      kind,
      message: !autoSubject && input.message !== undefined ? input.message : this.mergeMessage(pr, kind, input.message),
      closeSourceBranch: false,
    });
    return datacenterPullRequest(pr, context);
  }

  @Post(`${PULL_REQUEST}/decline`)
  @HttpCode(200)
  decline(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { input, context } = this.stateChange(declineSchema, pr, caller, body, req);
    this.operations.decline(pr, caller.user, input.comment ?? '');
    return datacenterPullRequest(pr, context);
  }

  @Post(`${PULL_REQUEST}/reopen`)
  @HttpCode(200)
  reopen(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const { context } = this.stateChange(reopenSchema, pr, caller, body, req);
    datacenterReviewErrors.conflictOnInvalid(() => this.operations.reopen(pr, caller.user));
    return datacenterPullRequest(pr, context);
  }

  /** Newest first; a deleted comment takes its activity with it. */
  @Get(`${PULL_REQUEST}/activities`)
  activities(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
  ): Record<string, unknown> {
    const context = this.routes.context(caller, req);
    const live = new Set(
      context.data
        .commentsOf(pr)
        .filter((c) => !c.deleted)
        .map((c) => c.id),
    );
    const events = pr.events
      .filter((event) => event.commentId === undefined || live.has(event.commentId))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
    return datacenterPage(req, events, (event) => datacenterActivity(event, pr, context));
  }

  /** What merge, decline and reopen do first: read the body, then check the version it or the query names. */
  private stateChange<Input extends { readonly version?: number | undefined }>(
    schema: z.ZodType<Input>,
    pr: FakePullRequest,
    caller: FakeIdentity,
    body: unknown,
    req: Request,
  ): { input: Input; context: DatacenterReviewContext } {
    const input = schema.parse(body ?? {});
    const context = this.routes.context(caller, req);
    this.routes.checkVersion(pr, datacenterVersion(req.query.version) ?? input.version, context);
    return { input, context };
  }

  /**
   * Data Center's merge commit message: a generated subject (unless `autoSubject` is false), then the
   * caller's message or the list of merged commits.
   */
  private mergeMessage(pr: FakePullRequest, kind: MergeKind, message: string | undefined): string {
    const repository = this.operations.destinationRepository(pr);
    const route = `${repository.projectKey}/${repository.slug} from ${pr.sourceBranch} to ${pr.destinationBranch}`;
    const squashed = kind === 'squash' || kind === 'squash-fast-forward';
    const subject = squashed
      ? `Pull request #${pr.id}: ${pr.title}\n\nMerge in ${route}`
      : `Merge pull request #${pr.id} in ${route}`;
    const commits = this.operations
      .commits(pr)
      .map((commit) => `* commit '${commit.hash}':\n  ${commit.message.split('\n', 1)[0] ?? ''}`)
      .join('\n');
    return `${subject}\n\n${message ?? commits}`;
  }
}
