/**
 * Appending one array to another without spreading it into a call: `push(...items)` passes every
 * item as an argument, and past about 125,000 items the call stack overflows (a large sheet's
 * indicators were once lost that way). A lint rule refuses spread arguments; this is the way.
 */

/** Appends every item of `items` to `target`, in order, whatever their number. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i] as T);
}

/** The largest of some numbers (or -Infinity when there are none), without spreading them into Math.max. */
export function maxOf(values: Iterable<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of some numbers (or Infinity when there are none), without spreading them into Math.min. */
export function minOf(values: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < min) min = v;
  return min;
}
