/**
 * The index of the last of the ascending `starts` that is at or before `offset` (binary search): the line or page
 * an offset of a text is on, from the offsets where the lines or pages start. 0 when there is none.
 */
export function indexAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
