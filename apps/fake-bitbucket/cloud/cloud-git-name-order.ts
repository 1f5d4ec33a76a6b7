/** Byte order of names, as git lists refs (`git show-ref`) and tree entries. */
export function gitNameOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
