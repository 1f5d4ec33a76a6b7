import type { CallOptions } from '../bitbucket-client.port';
import type { DatacenterApi } from './datacenter-api';
import { DatacenterContextApi } from './datacenter-context.api';

/**
 * The slug of the user the server's credential authenticates, for the APIs that name the caller
 * (`participants/{userSlug}`, participant filters). Read once: a credential does not change user.
 */
export class DatacenterCurrentUser {
  private readonly context: DatacenterContextApi;
  private known: string | undefined;

  constructor(api: DatacenterApi) {
    this.context = new DatacenterContextApi(api);
  }

  async slug(options?: CallOptions): Promise<string> {
    this.known ??= (await this.context.getCurrentUser(options)).id;
    return this.known;
  }
}
