import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';

/** The workspace a Cloud call is scoped to; leaving it out is VALIDATION (Data Center calls may omit it). */
export function requireCloudWorkspace(workspace: string | undefined): string {
  if (workspace === undefined || workspace === '') {
    throw new BitbucketException(BitbucketErrorCode.VALIDATION, 'Bitbucket Cloud needs a workspace here', {
      messageKey: 'BITBUCKET_WORKSPACE_REQUIRED',
    });
  }
  return workspace;
}
