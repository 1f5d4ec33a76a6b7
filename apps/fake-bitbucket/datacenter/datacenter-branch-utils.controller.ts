import { Body, Controller, Delete, HttpCode } from '@nestjs/common';
import { z } from 'zod';
import type { FakeRepository } from '../dataset/fake-repository';
import { RefOperations } from '../domain/ref.operations';
import { datacenterErrors } from '../shared/datacenter-errors';
import { DATACENTER_REPOSITORY } from './datacenter-repository-route';
import { DatacenterRouteRepository } from './datacenter-route-repository.decorator';

const deleteSchema = z.object({
  name: z.string({ error: 'A ref name to delete is required.' }).trim().min(1, 'A ref name to delete is required.'),
  endPoint: z.string().optional(),
  dryRun: z.boolean().optional(),
});

/** The branch-utils plugin's resources (`/rest/branch-utils`): deleting a branch. */
@Controller(['rest/branch-utils/latest', 'rest/branch-utils/1.0'])
export class DatacenterBranchUtilsController {
  constructor(private readonly refs: RefOperations) {}

  /**
   * 204 whether or not the branch existed: afterwards it does not. The default branch cannot go,
   * and an `endPoint` the branch no longer points to refuses the delete (both 400).
   */
  @Delete(`${DATACENTER_REPOSITORY}/branches`)
  @HttpCode(204)
  deleteBranch(@DatacenterRouteRepository() repository: FakeRepository, @Body() body: unknown): void {
    const input = deleteSchema.parse(body ?? {});
    const name = input.name.replace(/^refs\/heads\//, '');
    const head = repository.git.branches.get(name);
    if (head === undefined) return;
    if (input.endPoint !== undefined && input.endPoint !== '' && !head.startsWith(input.endPoint)) {
      throw datacenterErrors.badRequest(
        `Branch '${name}' points to ${head}, not to the expected ${input.endPoint}.`,
        'endPoint',
      );
    }
    if (input.dryRun === true) {
      if (name === repository.git.defaultBranch) {
        throw datacenterErrors.badRequest(`The default branch '${name}' cannot be deleted.`, 'name');
      }
      return;
    }
    this.refs.deleteBranch(repository, name);
  }
}
