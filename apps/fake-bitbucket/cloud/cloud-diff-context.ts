/** Lines of context around each change in Cloud's diffs by default; pull request comments anchor only on the lines shown. */
export const CLOUD_DIFF_CONTEXT = 3;
