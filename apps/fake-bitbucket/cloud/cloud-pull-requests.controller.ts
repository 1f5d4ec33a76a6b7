import { Body, Controller, Get, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakePullRequest, FakePullRequestState } from '../dataset/fake-pull-request';
import type { FakeRepository } from '../dataset/fake-repository';
import type { UpdatePullRequestInput } from '../domain/pull-request.operations';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudList } from '../shared/cloud-list';
import { CloudLinks } from './cloud-links';
import { CloudPullRequestRoutes } from './cloud-pull-request-routes';
import { CloudRoutePullRequest } from './cloud-route-pull-request.decorator';
import { CloudRouteRepository } from './cloud-route-repository.decorator';

const REQUIRED = { error: 'This field is required.' };
const branchRef = z.object({ branch: z.object({ name: z.string(REQUIRED).min(1, REQUIRED) }, REQUIRED) }, REQUIRED);
/** Cloud names reviewers by uuid or account_id; whole account objects (as GET returns them) also carry those. */
const reviewers = z
  .array(z.object({ uuid: z.string().optional(), account_id: z.string().optional() }))
  .transform((list) => list.map((account) => account.uuid ?? account.account_id ?? ''));
const editable = z.object({
  title: z.string().min(1, REQUIRED).optional(),
  description: z.string().optional(),
  destination: branchRef.optional(),
  reviewers: reviewers.optional(),
  close_source_branch: z.boolean().optional(),
  draft: z.boolean().optional(),
});
const toDomain = (input: z.output<typeof editable>): UpdatePullRequestInput => ({
  title: input.title,
  description: input.description,
  destinationBranch: input.destination?.branch.name,
  reviewers: input.reviewers,
  closeSourceBranch: input.close_source_branch,
  draft: input.draft,
});
const updateSchema = editable.transform(toDomain);
const createSchema = editable
  .extend({ title: z.string(REQUIRED).min(1, REQUIRED), source: branchRef })
  .transform((input) => ({ ...toDomain(input), title: input.title, sourceBranch: input.source.branch.name }));

const STATES: readonly FakePullRequestState[] = ['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED'];
/** Listings leave these out "for performance reasons" unless `fields=+values.<name>` asks for them. */
const DETAIL_FIELDS = ['rendered', 'reviewers', 'participants'];

/** GET|POST W/pullrequests, GET|PUT W/pullrequests/{id}. */
@Controller('2.0/repositories/:workspace/:repoSlug/pullrequests')
export class CloudPullRequestsController extends CloudPullRequestRoutes {
  @Get()
  list(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request): Record<string, unknown> {
    const states = this.requestedStates(req);
    const pullRequests = this.data
      .pullRequestsOf(repository)
      .filter((pr) => states === undefined || states.includes(pr.state));
    // Filter on the full representation, so `q=reviewers.uuid=…` works although listings omit reviewers.
    const page = cloudList(req, pullRequests, (pr) => this.render(pr, req));
    const fields = typeof req.query.fields === 'string' ? req.query.fields.split(',') : [];
    const omitted = DETAIL_FIELDS.filter((name) => !fields.includes(`+values.${name}`));
    return {
      ...page,
      values: (page.values as Record<string, unknown>[]).map((value) =>
        Object.fromEntries(Object.entries(value).filter(([key]) => !omitted.includes(key))),
      ),
    };
  }

  @Post()
  create(
    @Caller() caller: FakeIdentity,
    @CloudRouteRepository() repository: FakeRepository,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Record<string, unknown> {
    const input = createSchema.parse(body);
    let pr;
    try {
      pr = this.operations.create(repository, caller.user, input);
    } catch (error) {
      // Cloud refuses a second open pull request between the same branches with a 400, not a 409.
      if (error instanceof FakeDomainError && error.kind === 'conflict') {
        throw cloudErrors.badRequest(error.message, error.field);
      }
      throw error;
    }
    res.setHeader('Location', CloudLinks.of(req).api(`/repositories/${pr.repoKey}/pullrequests/${pr.id}`).href);
    return this.render(pr, req);
  }

  @Get(':pullRequestId')
  get(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request): Record<string, unknown> {
    return this.render(pr, req);
  }

  @Put(':pullRequestId')
  update(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = updateSchema.parse(body);
    this.requireOpen(pr, 'cannot be updated');
    this.operations.update(pr, caller.user, input);
    return this.render(pr, req);
  }

  /**
   * `state` may repeat; without it Cloud lists open pull requests only, unless the `q` filter itself
   * says which states it wants.
   */
  private requestedStates(req: Request): readonly FakePullRequestState[] | undefined {
    const given = [req.query.state].flat().filter((value) => typeof value === 'string');
    const states = STATES.filter((state) => given.some((value) => value.toUpperCase() === state));
    const unknown = given.find((value) => !STATES.includes(value.toUpperCase() as FakePullRequestState));
    if (unknown !== undefined) throw cloudErrors.badRequest(`state: "${unknown}" is not a valid choice.`, 'state');
    if (states.length > 0) return states;
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    return /(^|[\s(])state\s*(!?=|!?~)/.test(q) ? undefined : ['OPEN'];
  }
}
