import type { UpstreamResponse } from './upstream-response';

const MAX_DETAIL = 300;

interface CloudErrorBody {
  error?: { message?: unknown; detail?: unknown; fields?: Record<string, unknown> };
}
interface DatacenterErrorBody {
  errors?: { message?: unknown; context?: unknown }[];
}

const clean = (text: string): string =>
  text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_DETAIL);

/**
 * Bitbucket's own one-line reason for a 4xx ("Branch 'x' already exists."), taken from the known error
 * fields of either flavor and sanitised; never the body itself.
 */
export function upstreamErrorDetail(response: UpstreamResponse): string {
  if (!(response.header('content-type') ?? '').includes('json')) return '';
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return '';
  }
  const cloud = (body as CloudErrorBody).error;
  if (cloud !== undefined && typeof cloud.message === 'string') {
    const fields = Object.entries(cloud.fields ?? {})
      .map(([name, problems]) => `${name}: ${Array.isArray(problems) ? problems.join(' ') : String(problems)}`)
      .join('; ');
    const detail = typeof cloud.detail === 'string' ? ` ${cloud.detail}` : '';
    return clean(`${cloud.message}${detail}${fields === '' ? '' : ` (${fields})`}`);
  }
  const first = (body as DatacenterErrorBody).errors?.[0];
  if (first !== undefined && typeof first.message === 'string') {
    return clean(typeof first.context === 'string' ? `${first.context}: ${first.message}` : first.message);
  }
  return '';
}
