import type { BbComment } from '../src/model/bb-comment';

/** Every comment of a list of threads, each thread followed by its replies, depth first. */
export const flattenThreads = (threads: readonly BbComment[]): BbComment[] =>
  threads.flatMap((thread) => [thread, ...flattenThreads(thread.replies)]);
