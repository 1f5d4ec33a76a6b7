import type { BbRef } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { shortHash } from './short-hash';
import { catalogueText } from '@app/mcp';

export const refView = z.object({
  name: z.string().describe(catalogueText('output.ref.name')),
  commit: z.string().describe(catalogueText('output.ref.commit')),
  default: z.boolean().optional().describe(catalogueText('output.ref.default')),
  message: z.string().optional().describe(catalogueText('output.ref.message')),
  date: z.string().optional(),
});

export type RefView = z.output<typeof refView>;

export function toRefView(ref: BbRef): RefView {
  return {
    name: ref.name,
    commit: ref.commit,
    ...(ref.isDefault === undefined ? {} : { default: ref.isDefault }),
    ...(ref.message === undefined ? {} : { message: ref.message }),
    ...(ref.date === undefined ? {} : { date: ref.date }),
  };
}

/** `main 1a2b3c4d5e6f (default)`, `v0.1.0 1a2b3c4d5e6f 2026-03-04: First release` (first line of a tag message). */
export function refLine(ref: RefView, context: ToolContext): string {
  const facts = [shortHash(ref.commit), ref.date?.slice(0, 10)].filter(
    (fact): fact is string => fact !== undefined && fact !== '',
  );
  const flag = ref.default === true ? ` ${context.t('tools.REF_DEFAULT')}` : '';
  const message = ref.message === undefined || ref.message === '' ? '' : `: ${ref.message.split('\n')[0] ?? ''}`;
  return `${ref.name} ${facts.join(' ')}${flag}${message}`;
}
