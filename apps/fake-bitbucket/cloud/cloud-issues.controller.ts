import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeIssue } from '../dataset/fake-issue';
import type { FakeRepository } from '../dataset/fake-repository';
import { IssueOperations } from '../domain/issue.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudList } from '../shared/cloud-list';
import { cloudCodeErrors } from './cloud-code-errors';
import { cloudIssueComment } from './cloud-issue-comment.representation';
import { cloudIssue } from './cloud-issue.representation';
import { CloudLinks } from './cloud-links';
import { CloudRouteRepository } from './cloud-route-repository.decorator';

const REQUIRED = 'This field is required.';
const contentSchema = z.object({ raw: z.string({ error: REQUIRED }) }, { error: REQUIRED });
const accountSchema = z.object({
  uuid: z.string().optional(),
  account_id: z.string().optional(),
  nickname: z.string().optional(),
  username: z.string().optional(),
});
const createIssueSchema = z.object({
  title: z.string({ error: REQUIRED }),
  content: contentSchema.optional(),
  kind: z.enum(['bug', 'enhancement', 'proposal', 'task']).optional(),
  priority: z.enum(['trivial', 'minor', 'major', 'critical', 'blocker']).optional(),
  assignee: accountSchema.nullable().optional(),
});
const createCommentSchema = z.object({ content: contentSchema });

/** The issue tracker (docs/bitbucket-api.md#cloud-issues), on repositories that have one; the others answer 404. */
@Controller('2.0/repositories/:workspace/:repoSlug/issues')
export class CloudIssuesController {
  constructor(
    private readonly store: FakeStore,
    private readonly issues: IssueOperations,
  ) {}

  @Get()
  list(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request): Record<string, unknown> {
    this.requireTracker(repository);
    const links = CloudLinks.of(req);
    const issues = this.store.data.issuesOf(repository).sort((a, b) => a.id - b.id);
    return cloudList(req, issues, (issue) => cloudIssue(issue, repository, this.store.data, links));
  }

  /** The caller is the reporter; `assignee` may name the user by uuid, account id or nickname. */
  @Post()
  @HttpCode(201)
  create(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Record<string, unknown> {
    this.requireTracker(repository);
    const input = createIssueSchema.parse(body);
    const assignee = input.assignee ?? undefined;
    const assigneeId = assignee?.uuid ?? assignee?.account_id ?? assignee?.nickname ?? assignee?.username;
    const issue = this.issues.create(repository, caller.user, {
      title: input.title,
      ...(input.content === undefined ? {} : { content: input.content.raw }),
      ...(input.kind === undefined ? {} : { kind: input.kind }),
      ...(input.priority === undefined ? {} : { priority: input.priority }),
      ...(assigneeId === undefined ? {} : { assignee: assigneeId }),
    });
    const rendered = cloudIssue(issue, repository, this.store.data, CloudLinks.of(req));
    res.setHeader('Location', CloudLinks.of(req).api(`/repositories/${issue.repoKey}/issues/${issue.id}`).href);
    return rendered;
  }

  @Get(':issueId')
  get(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('issueId') issueId: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    this.requireTracker(repository);
    return cloudIssue(this.issue(repository, issueId), repository, this.store.data, CloudLinks.of(req));
  }

  /** Oldest first. */
  @Get(':issueId/comments')
  comments(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('issueId') issueId: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    this.requireTracker(repository);
    const issue = this.issue(repository, issueId);
    const links = CloudLinks.of(req);
    return cloudList(req, issue.comments, (comment) =>
      cloudIssueComment(comment, issue, repository, this.store.data, links),
    );
  }

  @Post(':issueId/comments')
  @HttpCode(201)
  comment(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Param('issueId') issueId: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Record<string, unknown> {
    this.requireTracker(repository);
    const issue = this.issue(repository, issueId);
    const comment = this.issues.comment(issue, caller.user, createCommentSchema.parse(body).content.raw);
    const rendered = cloudIssueComment(comment, issue, repository, this.store.data, CloudLinks.of(req));
    res.setHeader(
      'Location',
      CloudLinks.of(req).api(`/repositories/${issue.repoKey}/issues/${issue.id}/comments/${comment.id}`).href,
    );
    return rendered;
  }

  private requireTracker(repository: FakeRepository): void {
    if (!repository.hasIssues) throw cloudCodeErrors.noIssueTracker();
  }

  private issue(repository: FakeRepository, issueId: string): FakeIssue {
    const issue = /^\d+$/.test(issueId)
      ? this.store.data.issuesOf(repository).find((candidate) => candidate.id === Number(issueId))
      : undefined;
    if (issue === undefined) throw cloudCodeErrors.issueNotFound(issueId);
    return issue;
  }
}
