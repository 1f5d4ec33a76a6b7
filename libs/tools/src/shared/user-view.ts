import type { BbUser } from '@app/bitbucket';
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
export function userLine(user: UserView): string {
  return `${user.displayName} (${user.name}, id ${user.id})`;
}
