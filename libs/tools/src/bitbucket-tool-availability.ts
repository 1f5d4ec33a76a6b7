import { BitbucketClient, type BitbucketFeature } from '@app/bitbucket';
import { ToolAvailability } from '@app/mcp';
import { Injectable } from '@nestjs/common';

/** Tools requiring a feature the configured Bitbucket flavor lacks are not offered. */
@Injectable()
export class BitbucketToolAvailability extends ToolAvailability {
  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  isAvailable(requirement: string): boolean {
    return this.bitbucket.supports(requirement as BitbucketFeature);
  }
}
