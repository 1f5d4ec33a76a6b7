import type { BbUser } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';

export const userView = z.object({
  id: z.string().describe('Stable id to refer to the user in other tools (Cloud uuid, Data Center slug).'),
  name: z.string().describe('Cloud nickname or Data Center user slug.'),
  displayName: z.string(),
});

export type UserView = z.output<typeof userView>;

export function toUserView(user: BbUser): UserView {
  return { id: user.id, name: user.name, displayName: user.displayName };
}

/** `Alice Martin (alice, id {…})` */
export function userLine(user: UserView, context: ToolContext): string {
  return context.t('tools.USER_LINE', { displayName: user.displayName, name: user.name, id: user.id });
}
