import { monthNumberOf } from "../calendar";
import type { IndicatorResult } from "../dashboard";
import type { Frequency } from "../period";

const stepMonths: Record<Frequency, number> = { month: 1, quarter: 3, year: 12, multiYear: 12, rolling12: 1 };

/**
 * True when an indicator's latest result is for an earlier period than its timetable allows:
 * its next period would already have ended by the end of the month before the cut-off. A month's
 * grace is usual (a January dashboard shows December for most monthly indicators), so only
 * results older than that are called late.
 */
export function isLate(indicator: Pick<IndicatorResult, "period" | "frequency">, cutoff: string): boolean {
  if (!indicator.period) return false;
  const end = monthNumberOf(indicator.period.end);
  const cut = monthNumberOf(cutoff);
  if (end === null || cut === null) return false;
  return end + stepMonths[indicator.frequency] <= cut - 1;
}
