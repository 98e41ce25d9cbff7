import { monthNames, monthPeriod, quarterPeriod, rollingPeriod, serialToIso, spanPeriod, yearPeriod } from "../calendar";
import type { CellValue } from "../grid";
import type { Frequency, Period } from "../period";
import { memoiseText } from "./memo";

/**
 * Reading periods from the headers and cells teams type. Conventions (UK local government):
 * - Quarters and multi-year labels follow the reporting year that starts in `yearStartMonth`
 *   (4 = April, the financial year; 9 = September, the academic year). "2012/13" is April 2012 to
 *   March 2013, or September 2012 to August 2013 when the year starts in September.
 * - A quarter with a bare year ("Q4 2012") belongs to the reporting year that STARTS in that year:
 *   with April years, Q4 2012 is January to March 2013. When the year starts in January it is the
 *   calendar quarter.
 * - A bare four-digit year ("2012") is the calendar year, January to December, whatever
 *   `yearStartMonth` says: teams write financial and academic years as "2012/13".
 * - "2011-12" is the year 2011/12, not December 2011 (UK teams write years with a hyphen).
 * - "2012-15", "2018-20", "2012-2015" (with a hyphen; "2011/13" is no period) are spans of several reporting years (three, two, three), as
 *   benchmarking sources publish survey results. "2010-12" could be a span or December 2010: it is
 *   read as a month unless the caller, having looked at the cells around it, says it is among years
 *   (see period-context.ts).
 * - Two-digit years are 20yy below 50 and 19yy otherwise.
 * - Day/month/year dates are read the UK way: 01/04/2012 is 1 April 2012.
 */

/** Month names as teams type them, lower-cased: in full, in three letters, and "sept". */
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map<string, number>([
  ...monthNames.flatMap(
    (name, i) =>
      [
        [name.toLowerCase(), i + 1],
        [name.slice(0, 3).toLowerCase(), i + 1],
      ] as const,
  ),
  ["sept", 9],
]);
/** The largest serial Excel accepts: 31 December 9999. */
const MAX_SERIAL = 2_958_465;

const QUOTED = /"[^"]*"/g;
const ESCAPED = /\\./g;
const BRACKETED = /\[[^\]]*\]/g;
const DATE_TOKEN = /[dy]/i;
const MONTH_TOKEN = /m/i;
const TIME_TOKEN = /[hs]/i;

function showsDate(fmt: string): boolean {
  if (!fmt || fmt === "General" || fmt === "@") return false;
  // Literal text, escaped characters, locales and colours are not date tokens.
  const section = (fmt.split(";")[0] ?? "").replace(QUOTED, "").replace(ESCAPED, "").replace(BRACKETED, "");
  if (DATE_TOKEN.test(section)) return true;
  // "m" alone is a month unless hours or seconds around it make it minutes.
  return MONTH_TOKEN.test(section) && !TIME_TOKEN.test(section);
}

/** True when an Excel number format shows a date ("mmm-yy", "dd/mm/yyyy", "[$-809]mmmm yyyy"), so the number is a serial. Remembered per format, as every period cell asks. */
export const isDateFormat: (fmt: string) => boolean = memoiseText(showsDate);

/** A parsed period and how often such periods come. */
export interface ParsedPeriod {
  readonly period: Period;
  readonly frequency: Frequency;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

/** The longest span of years read as one period ("2012-22"); anything longer is not a period. */
const MAX_SPAN_YEARS = 10;

/** Reads a span "2012-15" or "2012-2015": its start year and length in years (2 to 10), or null. */
function spanOfYears(first: string, second: string): { start: number; years: number } | null {
  if (first.length !== 4) return null;
  const start = Number(first);
  let end = second.length === 4 ? Number(second) : Math.floor(start / 100) * 100 + Number(second);
  if (second.length === 2 && end <= start) end += 100;
  const years = end - start;
  return years >= 2 && years <= MAX_SPAN_YEARS ? { start, years } : null;
}

/** Reads "2012/13", "2012-13", "2011/2012", "12/13": the start year, or null when the two years are not consecutive. */
function yearPairStart(first: string, second: string): number | null {
  const a = fullYear(first);
  const secondFull = second.length === 4 ? Number(second) : null;
  if (secondFull !== null) return secondFull === a + 1 ? a : null;
  return Number(second) === (a + 1) % 100 ? a : null;
}

const SPACES = /[\s\u00a0]+/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const YEAR_PAIR = String.raw`(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})`;
const RE_YEAR_PAIR = new RegExp(String.raw`^(?:(?:fy|ay|financial year|academic year|year)\s*)?${YEAR_PAIR}$`);
const RE_QUARTER = new RegExp(String.raw`^(?:q|qtr|quarter)\s*([1-4])\s*,?\s*(?:(?:fy|ay)\s*)?(?:${YEAR_PAIR}|(\d{4}))$`);
const RE_QUARTER_AFTER = new RegExp(String.raw`^(?:(?:fy|ay)\s*)?(?:${YEAR_PAIR}|(\d{4}))\s*[,;:]?\s*(?:q|qtr|quarter)\s*([1-4])$`);
const RE_MONTH_NAME = /^([a-z]{3,9})\.?\s*[-/' ]?\s*(\d{4}|\d{2})$/;
const RE_ISO_MONTH = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;
const RE_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const RE_DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?\s+(\d{4})$/;
const RE_BARE_YEAR = /^(\d{4})$/;
const RE_ROLLING = /^(?:rolling\s*)?(?:12|twelve)\s*(?:months?|mths?|m)\s*(?:rolling\s*)?(?:to|ending|up to|until)?\s*(.+)$/;
const RE_ROLLING_PREFIX = /^(?:rolling|r12|r12m)\s+(?:12\s*(?:months?|mths?|m)\s+)?(?:to\s+)?(.+)$/;

function monthYear(monthText: string, yearText: string): { year: number; month: number } | null {
  const month = MONTH_NUMBERS.get(monthText);
  if (month === undefined) return null;
  return { year: fullYear(yearText), month };
}

/** Parses a month written as text: "Apr-12", "April 2012", "2012-04", "01/04/2012", "1 April 2012". */
function parseMonthText(text: string): { year: number; month: number } | null {
  let m = RE_MONTH_NAME.exec(text);
  if (m) return monthYear(m[1] ?? "", m[2] ?? "");
  m = RE_ISO_MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    const day = m[3] === undefined ? 1 : Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { year: Number(m[1]), month };
    return null;
  }
  m = RE_DMY.exec(text);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { year: fullYear(m[3] ?? ""), month };
    return null;
  }
  m = RE_DAY_MONTH_NAME.exec(text);
  if (m) return monthYear(m[2] ?? "", m[3] ?? "");
  return null;
}

/** How to read text such as "2010-12" that is both a month (December 2010) and a span of two years. */
export type AmbiguousReading = "month" | "span";

function parsePeriodText(raw: string, yearStartMonth: number, ambiguous: AmbiguousReading): ParsedPeriod | null {
  const text = raw.toLowerCase().replace(DASHES, "-").replace(SPACES, " ").trim();
  if (text.length < 4 || text.length > 40) return null;

  let m = RE_ROLLING.exec(text) ?? RE_ROLLING_PREFIX.exec(text);
  if (m) {
    const end = parseMonthText((m[1] ?? "").trim());
    return end ? { period: rollingPeriod(end.year, end.month), frequency: "rolling12" } : null;
  }

  m = RE_QUARTER.exec(text);
  if (m) {
    const q = Number(m[1]);
    const start = m[4] !== undefined ? Number(m[4]) : yearPairStart(m[2] ?? "", m[3] ?? "");
    return start === null ? null : { period: quarterPeriod(start, q, yearStartMonth), frequency: "quarter" };
  }
  m = RE_QUARTER_AFTER.exec(text);
  if (m) {
    const q = Number(m[4]);
    const start = m[3] !== undefined ? Number(m[3]) : yearPairStart(m[1] ?? "", m[2] ?? "");
    return start === null ? null : { period: quarterPeriod(start, q, yearStartMonth), frequency: "quarter" };
  }

  m = RE_YEAR_PAIR.exec(text);
  if (m) {
    const first = m[1] ?? "";
    const second = m[2] ?? "";
    const start = yearPairStart(first, second);
    if (start !== null) return { period: yearPeriod(start, yearStartMonth), frequency: "year" };
    // Spans are written with a hyphen ("2012-15"); "2011/13" stays a mistyped year, not a period.
    const span = text.includes("/") ? null : spanOfYears(first, second);
    // "2010-12" is also an ISO month; a four-digit end never is.
    const alsoAMonth = RE_ISO_MONTH.test(text) && Number(second) >= 1 && Number(second) <= 12;
    if (span && (!alsoAMonth || ambiguous === "span")) return { period: spanPeriod(span.start, span.years, yearStartMonth), frequency: "multiYear" };
  }

  m = RE_BARE_YEAR.exec(text);
  if (m) {
    const year = Number(m[1]);
    return year >= 1900 && year <= 2200 ? { period: yearPeriod(year, 1), frequency: "year" } : null;
  }

  const month = parseMonthText(text);
  return month ? { period: monthPeriod(month.year, month.month), frequency: "month" } : null;
}

/**
 * Reads a period header or period cell: a date serial (with a date number format) is the month
 * containing it; text may be a month, quarter, reporting year or rolling 12 months. Null when the
 * cell is not a period. See the conventions at the top of this module; `ambiguous` says how to read
 * text that is both a month and a span of years ("2010-12"), as its row or column shows.
 */
export function parsePeriod(value: CellValue, numberFormat: string, yearStartMonth: number, ambiguous: AmbiguousReading = "month"): ParsedPeriod | null {
  const startMonth = Number.isInteger(yearStartMonth) && yearStartMonth >= 1 && yearStartMonth <= 12 ? yearStartMonth : 4;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    if (isDateFormat(numberFormat)) {
      if (value < 1 || value > MAX_SERIAL) return null;
      const d = serialToIso(value);
      return { period: monthPeriod(Number(d.slice(0, 4)), Number(d.slice(5, 7))), frequency: "month" };
    }
    if (Number.isInteger(value) && value >= 1900 && value <= 2200) return { period: yearPeriod(value, 1), frequency: "year" };
    return null;
  }
  if (typeof value !== "string") return null;
  return parsePeriodText(value, startMonth, ambiguous);
}
