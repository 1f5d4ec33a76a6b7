import type { BbUser } from '@app/bitbucket';
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
export function userLine(user: UserView): string {
  return `${user.displayName} (${user.name}, id ${user.id})`;
}
