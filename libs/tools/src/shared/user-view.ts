import type { BbUser } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';

export const userView = z.object({
  id: z.string().describe(catalogueText('output.user.id')),
  name: z.string().describe(catalogueText('output.user.name')),
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
