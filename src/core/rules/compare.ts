/**
 * Comparing figures that came through spreadsheets. A percentage typed as 70% can arrive as
 * 0.7 or as 0.70000000001 after a division, and the two must count as equal or a result
 * "equal to the target" would be rated by rounding noise. Two numbers are treated as equal
 * when they differ by at most one part in a billion of the larger magnitude (and, for numbers
 * near zero, by at most 1e-12). Real performance figures never differ by that little.
 */

const relativeEpsilon = 1e-9;
const absoluteEpsilon = 1e-12;

/** True when two figures are equal but for floating-point noise (see the module note for the margin). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(absoluteEpsilon, relativeEpsilon * Math.max(Math.abs(a), Math.abs(b)));
}

/** -1, 0 or 1 as `a` is below, (nearly) equal to, or above `b`. */
export function compareFigures(a: number, b: number): -1 | 0 | 1 {
  if (nearlyEqual(a, b)) return 0;
  return a < b ? -1 : 1;
}
