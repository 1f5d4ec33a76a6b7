import type { CallOptions } from '../bitbucket-client.port';
import type { BbUser } from '../model/bb-user';
import type { DatacenterApi } from './datacenter-api';
import { DatacenterContextApi } from './datacenter-context.api';

/**
 * The user the server's credential authenticates, for the APIs that name the caller
 * (`participants/{userSlug}`, participant filters) and the merges and declines they make.
 * Read once: a credential does not change user.
 */
export class DatacenterCurrentUser {
  private readonly context: DatacenterContextApi;
  private known: BbUser | undefined;

  constructor(api: DatacenterApi) {
    this.context = new DatacenterContextApi(api);
  }

  async user(options?: CallOptions): Promise<BbUser> {
    this.known ??= await this.context.getCurrentUser(options);
    return this.known;
  }

  async slug(options?: CallOptions): Promise<string> {
    return (await this.user(options)).id;
  }
}
