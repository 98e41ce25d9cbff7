import { maxOf } from "../append";
import { monthLongName, monthNumberOf, quarterOfReportingYear } from "../calendar";
import type { IndicatorResult } from "../dashboard";

/**
 * The period the dashboard covers, in words, as in the committee report: "Results up to the end of
 * December 2012 and, where available, January 2013".
 *
 * Each rated or placed indicator's latest result ends in some month. The main month is the most
 * common of these (on a tie, the later); a later month, if any indicator has one, is added as
 * "where available" (the latest such month). Earlier months are not named: each row shows its own
 * period. When every indicator ending in the main month is quarterly the quarter of the reporting
 * year is added ("December 2012 (quarter 3)"); when every one is annual, the year's label
 * ("March 2012 (2011/12)").
 */
export function describeCoverage(results: readonly IndicatorResult[], cutoff: string, yearStartMonth: number): string {
  const byMonth = new Map<number, IndicatorResult[]>();
  for (const result of results) {
    if (result.excluded !== null || result.stale || result.actual === null || result.period === null) continue;
    const month = monthNumberOf(result.period.end);
    if (month === null) continue;
    // Appended in place: copying the list for each result made this quadratic in the number of indicators.
    const list = byMonth.get(month);
    if (list) list.push(result);
    else byMonth.set(month, [result]);
  }
  if (byMonth.size === 0) {
    const cut = monthNumberOf(cutoff);
    return cut === null ? "No results" : `No results up to the end of ${monthLongName(cut)}`;
  }
  let main = -Infinity;
  let mainCount = 0;
  for (const [month, list] of byMonth) {
    if (list.length > mainCount || (list.length === mainCount && month > main)) {
      main = month;
      mainCount = list.length;
    }
  }
  const latest = maxOf(byMonth.keys());
  const atMain = byMonth.get(main) ?? [];
  let qualifier = "";
  if (atMain.every((r) => r.frequency === "quarter")) qualifier = ` (quarter ${quarterOfReportingYear(main, yearStartMonth)})`;
  else if (atMain.every((r) => r.frequency === "year")) qualifier = ` (${atMain[0]?.period?.label ?? ""})`;
  const later = latest > main ? ` and, where available, ${monthLongName(latest)}` : "";
  return `Results up to the end of ${monthLongName(main)}${qualifier}${later}`;
}
