import { BitbucketClient, type BitbucketFeature } from '@app/bitbucket';
import { ToolAvailability } from '@app/mcp';
import { Injectable } from '@nestjs/common';

/** Why a tool needing a feature is not offered: only Data Center lacks any, and each for its own reason. */
const UNAVAILABLE_MESSAGE_KEYS: Partial<Readonly<Record<BitbucketFeature, string>>> = {
  issues: 'TOOL_UNAVAILABLE_ISSUES',
  pipelines: 'TOOL_UNAVAILABLE_PIPELINES',
  workspaces: 'TOOL_UNAVAILABLE_WORKSPACES',
};

/** Tools requiring a feature the configured Bitbucket flavor lacks are not offered. */
@Injectable()
export class BitbucketToolAvailability extends ToolAvailability {
  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  isAvailable(requirement: string): boolean {
    return this.bitbucket.supports(requirement as BitbucketFeature);
  }

  unavailableMessageKey(requirement: string): string {
    return UNAVAILABLE_MESSAGE_KEYS[requirement as BitbucketFeature] ?? 'TOOL_UNAVAILABLE';
  }
}
