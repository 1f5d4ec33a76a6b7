import { datacenterErrors } from '../shared/datacenter-errors';

/** A `version` from a query string or a JSON body: absent, or a non-negative integer (else 400). */
export function datacenterVersion(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const version = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(version) || version < 0) {
    throw datacenterErrors.badRequest(
      `The version must be a non-negative integer, not ${JSON.stringify(value)}.`,
      'version',
    );
  }
  return version;
}
