import { monthsBetween } from "../calendar";
import type { Period } from "../period";

/**
 * Stale data: a latest result whose period ended more than 12 months before the end of the
 * cut-off month (cut-off January 2013: a result for December 2011, or for the year 2010/11, is
 * stale; January 2012 is not). A stale result is still shown with its figures, but it is not
 * rated as current: its alert is NO_DATA, it gets no direction of travel, no forecast position
 * and no year-to-date, the reason says "Latest result (2010/11) is more than a year old", and a
 * warning names its cell. An indicator published less often says so (a "2 yearly" or "biennial"
 * frequency, or its own stale-after column), and its own limit is used instead.
 */

/** How many months after its period ends a result becomes stale. */
export const staleAfterMonths = 12;

/**
 * True when the period ended more than `limit` months (12 unless the indicator says: 24 for one
 * published every two years) before the end of the cut-off month (`YYYY-MM`).
 */
export function isStale(period: Period, cutoff: string, limit: number = staleAfterMonths): boolean {
  const age = monthsBetween(period.end, cutoff);
  return age !== null && age > limit;
}

/** How old a limit of months is, in words: "a year", "2 years", "18 months". */
function ageWords(limit: number): string {
  if (limit === 12) return "a year";
  return limit % 12 === 0 ? `${limit / 12} years` : `${limit} months`;
}

/** The reason shown for a stale result. */
export function staleReason(period: Period, limit: number = staleAfterMonths): string {
  return `Latest result (${period.label}) is more than ${ageWords(limit)} old`;
}
