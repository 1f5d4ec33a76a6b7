import { DATACENTER_CODE_CONTROLLERS } from './datacenter-code.controllers';
import { DATACENTER_REVIEW_CONTROLLERS } from './datacenter-review.controllers';
import { DatacenterProjectsController } from './datacenter-projects.controller';

/** Every Bitbucket Data Center REST controller the fake serves. */
export const DATACENTER_CONTROLLERS = [
  DatacenterProjectsController,
  ...DATACENTER_CODE_CONTROLLERS,
  ...DATACENTER_REVIEW_CONTROLLERS,
];
