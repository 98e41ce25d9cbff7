import { monthLongName, monthNumberOf } from "../calendar";
import type { CellValue } from "../grid";
import { parsePeriod, type AmbiguousReading, type ParsedPeriod } from "./period-text";

/**
 * Reading a period in the context of the cells around it. "2010-12" is December 2010 to one
 * team and the two years 2010-11 and 2011-12 to a benchmarking source: beside "2009-10" and
 * "2011-12" (years) it is a span, beside "Oct 2010" (months) a month. The cells of one header row,
 * or of one long table's period column, are read together: when the others are years and none is
 * a month, such text is a span; when they are months and none is a year, a month; otherwise it is
 * read as a month and the caller warns.
 */

/** How a row's or column's ambiguous periods are read, and whether the cells around them made that sure. */
export interface PeriodContext {
  readonly reading: AmbiguousReading;
  readonly sure: boolean;
}

/** One cell that may hold a period. */
export interface PeriodCell {
  readonly value: CellValue;
  readonly format: string;
}

/** Text shaped like "2010-12": four digits, a hyphen or dash, one or two digits. Checked before anything dearer. */
const ISO_LIKE = /^\s*\d{4}\s*[-\u2010-\u2015\u2212]\s*\d{1,2}\s*$/;

/** The two readings of a cell that is both a month and a span of years, or null when it is not both. */
export function ambiguousReadings(value: CellValue, format: string, yearStartMonth: number): { month: ParsedPeriod; span: ParsedPeriod } | null {
  if (typeof value !== "string" || !ISO_LIKE.test(value)) return null;
  const month = parsePeriod(value, format, yearStartMonth, "month");
  const span = parsePeriod(value, format, yearStartMonth, "span");
  if (!month || !span || month.frequency === span.frequency) return null;
  return { month, span };
}

/**
 * How to read the ambiguous periods among these cells, or null when none of them is ambiguous (so
 * nothing more need be done). See the module note.
 */
export function periodContext(cells: Iterable<PeriodCell>, yearStartMonth: number): PeriodContext | null {
  let months = 0;
  let years = 0;
  let ambiguous = 0;
  for (const { value, format } of cells) {
    if (ambiguousReadings(value, format, yearStartMonth)) {
      ambiguous++;
      continue;
    }
    const parsed = parsePeriod(value, format, yearStartMonth);
    if (!parsed) continue;
    if (parsed.frequency === "month") months++;
    else if (parsed.frequency === "year" || parsed.frequency === "multiYear") years++;
  }
  if (ambiguous === 0) return null;
  if (years > 0 && months === 0) return { reading: "span", sure: true };
  if (months > 0 && years === 0) return { reading: "month", sure: true };
  return { reading: years > months ? "span" : "month", sure: false };
}

/** The sentence of the warning for an ambiguous period that nothing around it settled. */
export function ambiguousPeriodWords(text: string, readings: { month: ParsedPeriod; span: ParsedPeriod }, readAs: AmbiguousReading): string {
  const month = monthNumberOf(readings.month.period.start);
  const monthWords = month === null ? readings.month.period.label : monthLongName(month);
  const years = `the years ${readings.span.period.start.slice(0, 4)} to ${readings.span.period.end.slice(0, 4)} (a span of ${spanYears(readings.span)} years)`;
  const chosen = readAs === "month" ? monthWords : years;
  return `"${text.trim()}" could be ${monthWords} or ${years}, and the cells beside it do not say which: it is read as ${chosen}. Map the column by hand if that is wrong.`;
}

function spanYears(span: ParsedPeriod): number {
  const start = monthNumberOf(span.period.start) ?? 0;
  const end = monthNumberOf(span.period.end) ?? 0;
  return Math.round((end - start + 1) / 12);
}
