import type { CellValue } from "../grid";

/**
 * Words of councils' published schemes that say how an indicator is reported rather than what it
 * measured: "Data only" (monitored without a target on purpose), "2 yearly" (published every two
 * years), "YTD" or "cumulative" (figures already year to date).
 */

function words(value: CellValue): string {
  if (typeof value !== "string") return "";
  return value
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const MONITOR_WORDS =
  /^(?:(?:for )?(?:data|info|information|monitor(?:ing)?|context(?:ual)?|track(?:ing|ed)?|trend)(?: only)?|for information|monitor not target(?:ed)?|not targeted|no target (?:set )?on purpose)$/;

/** True when a cell says an indicator is monitored without a target on purpose: "Data only", "Info only", "Monitor", "Contextual", "Tracking". */
export function saysMonitorOnly(value: CellValue): boolean {
  const t = words(value);
  return t !== "" && MONITOR_WORDS.test(t);
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

/**
 * How many years lie between an indicator's results, from its frequency cell: 1 for "Annual", 2 for
 * "2 yearly", "Biennial" or "Every two years", 3 for "Triennial"; null for any other frequency.
 */
export function parseFrequencyYears(value: CellValue): number | null {
  const t = words(value);
  if (t === "") return null;
  if (/^(annual|annually|yearly|once a year)$/.test(t)) return 1;
  if (/^bienni/.test(t)) return 2;
  if (/^trienni/.test(t)) return 3;
  const m = /^(?:every )?(\d|one|two|three|four|five) ?(?:yearly|years?)$/.exec(t);
  if (!m || m[1] === undefined) return null;
  const n = NUMBER_WORDS[m[1]] ?? Number(m[1]);
  return n >= 1 && n <= 5 ? n : null;
}

const YEAR_TO_DATE_WORDS = /\b(?:ytd|year to date|cumulative|so far this year|so far this financial year|to date this year)\b/;

/** True when text (a name, a frequency, an aggregation) says its figures are already year to date: "YTD", "cumulative", "so far this year". */
export function saysYearToDate(text: CellValue): boolean {
  return YEAR_TO_DATE_WORDS.test(words(text));
}
