/** DI token of the active methods (their passport strategy names), in the priority order of AUTH_METHODS. */
export const ACTIVE_AUTH_METHODS = Symbol('ACTIVE_AUTH_METHODS');
