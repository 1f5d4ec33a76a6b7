import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';

/**
 * Data Center's pull requests and merges have no "close the source branch" option (its UI deletes the
 * branch with a separate call after merging): asking for it is UNSUPPORTED, before anything is written,
 * rather than silently ignored.
 */
export function refuseSourceBranchDeletion(closeSourceBranch: boolean | undefined): void {
  if (closeSourceBranch === true) {
    throw new BitbucketException(BitbucketErrorCode.UNSUPPORTED, 'Data Center cannot close a source branch on merge', {
      params: { feature: 'closing the source branch on merge; delete the branch after merging instead' },
    });
  }
}
