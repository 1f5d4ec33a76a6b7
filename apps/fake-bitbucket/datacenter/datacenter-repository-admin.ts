import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeRepository } from '../dataset/fake-repository';

/** REPO_ADMIN in the fake: an administrator of the workspace that holds the repository. */
export function isDatacenterRepositoryAdmin(data: FakeDataset, repository: FakeRepository, userSlug: string): boolean {
  return data.findWorkspace(repository.workspaceSlug)?.admins.includes(userSlug) === true;
}
