import { CLOUD_CODE_CONTROLLERS } from './cloud-code.controllers';
import { CLOUD_REVIEW_CONTROLLERS } from './cloud-review.controllers';
import { CloudRepositoriesController } from './cloud-repositories.controller';
import { CloudWorkspacesController } from './cloud-workspaces.controller';

/** Every Bitbucket Cloud 2.0 controller the fake serves. */
export const CLOUD_CONTROLLERS = [
  CloudWorkspacesController,
  CloudRepositoriesController,
  ...CLOUD_CODE_CONTROLLERS,
  ...CLOUD_REVIEW_CONTROLLERS,
];
