/** DI token of the configured strategies, in the priority order of AUTH_METHODS. */
export const AUTH_STRATEGIES = Symbol('AUTH_STRATEGIES');
