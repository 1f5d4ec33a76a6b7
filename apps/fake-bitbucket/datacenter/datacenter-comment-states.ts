import type { Request } from 'express';

/** The `states` / `state` filter of comment listings (OPEN, RESOLVED), comma-separated or repeated. */
export function datacenterCommentStates(query: Request['query']): string[] | undefined {
  const values = [query.states, query.state].flat().filter((value) => typeof value === 'string');
  const states = values.flatMap((value) => value.split(',')).map((state) => state.trim().toUpperCase());
  return states.length === 0 ? undefined : states;
}
