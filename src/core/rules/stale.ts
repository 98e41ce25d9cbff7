import { monthsBetween } from "../calendar";
import type { Period } from "../period";

/**
 * Stale data: a latest result whose period ended more than 12 months before the end of the
 * cut-off month (cut-off January 2013: a result for December 2011, or for the year 2010/11, is
 * stale; January 2012 is not). A stale result is still shown with its figures, but it is not
 * rated as current: its alert is NO_DATA, it gets no direction of travel, no forecast position
 * and no year-to-date, the reason says "Latest result (2010/11) is more than a year old", and a
 * warning names its cell.
 */

/** How many months after its period ends a result becomes stale. */
export const staleAfterMonths = 12;

/** True when the period ended more than 12 months before the end of the cut-off month (`YYYY-MM`). */
export function isStale(period: Period, cutoff: string): boolean {
  const age = monthsBetween(period.end, cutoff);
  return age !== null && age > staleAfterMonths;
}

/** The reason shown for a stale result. */
export function staleReason(period: Period): string {
  return `Latest result (${period.label}) is more than a year old`;
}
