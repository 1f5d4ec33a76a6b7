import type { ToolContext } from '@app/mcp';

/** `45s`, `3m 05s`, `1h 02m` in English: a duration as a log reader writes it, in the answer's language. */
export function durationText(seconds: number, context: ToolContext): string {
  const whole = Math.max(0, Math.round(seconds));
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (whole < 60) return context.t('tools.DURATION_SECONDS', { seconds: whole });
  if (whole < 3600)
    return context.t('tools.DURATION_MINUTES', { minutes: Math.floor(whole / 60), seconds: pad(whole % 60) });
  return context.t('tools.DURATION_HOURS', {
    hours: Math.floor(whole / 3600),
    minutes: pad(Math.floor((whole % 3600) / 60)),
  });
}
