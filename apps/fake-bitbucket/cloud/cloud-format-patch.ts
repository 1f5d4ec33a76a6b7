import type { GitCommit } from '../git/git-commit';
import { renderUnifiedDiff } from '../git/unified-diff';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** RFC 2822 as git writes it: `Thu, 5 Mar 2026 10:00:00 +0000`. */
function rfc2822(date: Date): string {
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()] ?? ''}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()} ${time} +0000`;
}

/** One commit as `git format-patch` prints it (`[PATCH n/m]` inside a series of more than one). */
export function formatPatch(commit: GitCommit, index: number, total: number): string {
  const [subject = '', ...rest] = commit.message.trimEnd().split('\n');
  const body = rest.join('\n').trim();
  return [
    `From ${commit.hash} Mon Sep 17 00:00:00 2001`,
    `From: ${commit.author.name} <${commit.author.email}>`,
    `Date: ${rfc2822(commit.authoredAt)}`,
    `Subject: [PATCH${total > 1 ? ` ${index}/${total}` : ''}] ${subject}`,
    '',
    ...(body === '' ? [] : [body, '']),
    '---',
    renderUnifiedDiff(commit.changes),
  ].join('\n');
}
