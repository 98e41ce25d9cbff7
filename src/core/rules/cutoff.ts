import { monthKey, monthLongName, monthNumberOf } from "../calendar";
import { diagnostic, type Diagnostic } from "../diagnostics";
import type { Indicator } from "../indicator";

/**
 * The reporting cut-off when none was chosen. Results of the most frequent kind say best how far
 * the data run: a quarter or a year ends months after a team records it (a survey for 2012/13
 * entered in January ends in March), so the latest monthly result is used, as the committee
 * reports do ("up to December and, where available, January"). But every frequency is looked at:
 * when a less frequent kind has a result for a period that began after that month (annual results
 * to 2023/24 beside a monthly indicator that stopped in 2010, or was misread as monthly), those
 * results are the data's reach and the cut-off moves to them. The `no-period-chosen` note says
 * which results decided it, and why.
 */

/** How often results come, shortest first: rolling figures are monthly; spans of years are annual. */
const cadence: Readonly<Record<Indicator["frequency"], number>> = { month: 0, rolling12: 0, quarter: 1, year: 2, multiYear: 2 };
const cadenceWords = ["monthly", "quarterly", "annual"] as const;

/** Per kind of frequency: the last month of its latest result, and the first month of that result's period. */
function latestByCadence(indicators: readonly Indicator[]): ({ end: number; start: number } | undefined)[] {
  const latest: ({ end: number; start: number } | undefined)[] = [];
  for (const indicator of indicators) {
    if (indicator.excluded !== null) continue;
    const c = cadence[indicator.frequency];
    for (const o of indicator.series) {
      if (o.actual === null) continue;
      const end = monthNumberOf(o.period.end);
      if (end === null) continue;
      const seen = latest[c];
      // The start is needed only for a candidate: most results end before the latest seen.
      if (seen !== undefined && end < seen.end) continue;
      const start = monthNumberOf(o.period.start);
      if (start === null) continue;
      if (seen === undefined || end > seen.end || start > seen.start) latest[c] = { end, start };
    }
  }
  return latest;
}

/** The month a dashboard without a chosen period runs to, with the kind of results that decided it and the kind it overrode; null when no indicator has a result. */
function defaultCutoff(indicators: readonly Indicator[]): { month: number; decidedBy: number; overrode: { cadence: number; month: number } | null } | null {
  const latest = latestByCadence(indicators);
  let chosen: { month: number; decidedBy: number; overrode: { cadence: number; month: number } | null } | null = null;
  latest.forEach((l, c) => {
    if (l === undefined) return;
    if (chosen === null) chosen = { month: l.end, decidedBy: c, overrode: null };
    else if (l.start > chosen.month) chosen = { month: l.end, decidedBy: c, overrode: chosen.overrode ?? { cadence: chosen.decidedBy, month: chosen.month } };
  });
  return chosen;
}

/** The cut-off a dashboard without a chosen period uses ("YYYY-MM"), or null when no indicator has a result. */
export function latestReportingMonth(indicators: readonly Indicator[]): string | null {
  const chosen = defaultCutoff(indicators);
  return chosen === null ? null : monthKey(chosen.month);
}

/** The cut-off month (as a month number) for a build, with the diagnostic that says how it was chosen. */
export function chooseCutoff(indicators: readonly Indicator[], requested: string | null, produced: string, out: Diagnostic[]): number {
  if (requested !== null) {
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? monthNumberOf(requested) : null;
    if (month !== null) return month;
    out.push(
      diagnostic(
        "period-not-a-month",
        null,
        null,
        `The reporting period "${requested}" is not a month written as YYYY-MM (for example 2013-01), so the latest month with a result is used instead.`,
      ),
    );
  }
  const chosen = defaultCutoff(indicators);
  if (chosen !== null) {
    const { month, decidedBy, overrode } = chosen;
    if (overrode === null) {
      const which = decidedBy === 0 ? " for a monthly indicator" : "";
      out.push(
        diagnostic(
          "no-period-chosen",
          null,
          null,
          `No reporting period was chosen, so results up to the end of ${monthLongName(month)} (the latest month with a result${which}) are used.`,
        ),
      );
    } else {
      const kind = cadenceWords[decidedBy] ?? "annual";
      const before = cadenceWords[overrode.cadence] ?? "monthly";
      out.push(
        diagnostic(
          "no-period-chosen",
          null,
          null,
          `No reporting period was chosen, so results up to the end of ${monthLongName(month)} (the latest month with a result for ${kind === "annual" ? "an" : "a"} ${kind} indicator) are used: the ${before} results end in ${monthLongName(overrode.month)}, before the latest ${kind} period began.`,
        ),
      );
    }
    return month;
  }
  const producedMonth = monthNumberOf(produced) ?? 0;
  out.push(
    diagnostic(
      "workbook-has-no-results",
      null,
      null,
      `No indicator has any result, so the dashboard is dated ${monthLongName(producedMonth)}, the month it was produced.`,
    ),
  );
  return producedMonth;
}
