/** Lines of context around each change when a diff request names none; line comments anchor only on the lines shown. */
export const DATACENTER_DIFF_CONTEXT = 10;
