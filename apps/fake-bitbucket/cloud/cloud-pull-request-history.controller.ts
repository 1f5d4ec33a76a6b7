import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FakePullRequest, FakePullRequestEvent } from '../dataset/fake-pull-request';
import { cloudList } from '../shared/cloud-list';
import { cloudCommit } from './cloud-commit.representation';
import { cloudCommitStatus } from './cloud-commit-status.representation';
import { CloudLinks } from './cloud-links';
import { cloudPullRequestActivity } from './cloud-pull-request-activity.representation';
import { cloudPullRequestDiffPath } from './cloud-pull-request-diff.representation';
import { CloudPullRequestRoutes } from './cloud-pull-request-routes';
import { CloudRoutePullRequest } from './cloud-route-pull-request.decorator';

const REVIEW_EVENTS: readonly FakePullRequestEvent['type'][] = [
  'approved',
  'unapproved',
  'changes_requested',
  'changes_request_removed',
];

/** Query parameters of the diff location that the pull request itself sets. */
const PULL_REQUEST_DIFF_PARAMS: readonly string[] = ['from_pullrequest_id', 'topic'];

/** Approvals and change requests are states: the log shows each reviewer's current one only. */
function currentEvents(pr: FakePullRequest): FakePullRequestEvent[] {
  const lastReview = new Map<string, number>();
  for (const event of pr.events) if (REVIEW_EVENTS.includes(event.type)) lastReview.set(event.userSlug, event.id);
  return pr.events.filter(
    (event) => !REVIEW_EVENTS.includes(event.type) || lastReview.get(event.userSlug) === event.id,
  );
}

/** GET W/pullrequests/{id}/activity, /commits, /statuses, and the diff, diffstat and patch redirects. */
@Controller('2.0/repositories/:workspace/:repoSlug/pullrequests/:pullRequestId')
export class CloudPullRequestHistoryController extends CloudPullRequestRoutes {
  /** Newest first, with a cursor for `next` (pagelen 20, docs/bitbucket-api.md#cloud-pull-requests). */
  @Get('activity')
  activity(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request): Record<string, unknown> {
    const links = CloudLinks.of(req);
    const entries = currentEvents(pr)
      .reverse()
      .map((event) => cloudPullRequestActivity(event, pr, this.operations, this.data, links))
      .filter((entry) => entry !== undefined);
    return cloudList(req, entries, (entry) => entry, { defaultPagelen: 20, iterator: true });
  }

  @Get('commits')
  commits(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request): Record<string, unknown> {
    const repository = this.operations.sourceRepository(pr);
    const links = CloudLinks.of(req);
    return cloudList(req, this.operations.commits(pr), (commit) => cloudCommit(commit, repository, this.data, links), {
      iterator: true,
    });
  }

  /** Build statuses of the source head. */
  @Get('statuses')
  statuses(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request): Record<string, unknown> {
    const repository = this.operations.sourceRepository(pr);
    const links = CloudLinks.of(req);
    const statuses = this.data
      .buildStatusesOf(repository, this.operations.sourceHead(pr))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return cloudList(req, statuses, (status) => cloudCommitStatus(status, repository, links));
  }

  @Get('diff')
  diff(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request, @Res() res: Response): void {
    this.redirect(pr, 'diff', req, res);
  }

  @Get('diffstat')
  diffstat(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request, @Res() res: Response): void {
    this.redirect(pr, 'diffstat', req, res);
  }

  @Get('patch')
  patch(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request, @Res() res: Response): void {
    this.redirect(pr, 'patch', req, res);
  }

  /**
   * Cloud answers these with a bodiless 302 to the repository's diff routes (docs/bitbucket-api.md#cloud-diffs). The caller's
   * query goes along (pagelen and page of a diffstat, context or path of a diff), but not its own
   * `from_pullrequest_id` or `topic`: the pull request fixes those.
   */
  private redirect(pr: FakePullRequest, kind: 'diff' | 'diffstat' | 'patch', req: Request, res: Response): void {
    const location = CloudLinks.of(req).api(cloudPullRequestDiffPath(pr, this.operations, kind)).href;
    const carried = (req.originalUrl.split('?', 2)[1] ?? '')
      .split('&')
      .filter((pair) => pair !== '' && !PULL_REQUEST_DIFF_PARAMS.includes(pair.split('=', 1)[0] ?? ''));
    res.status(302).setHeader('Location', [location, ...carried].join('&'));
    res.end();
  }
}
