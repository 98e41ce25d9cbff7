import type { Period } from "./period";

/**
 * The one calendar of the core: month names, months as numbers, ISO dates and Excel's date
 * serials, reporting years and the periods made of them. Months are counted as a single integer
 * ("month number" = year × 12 + month − 1) so that differences and windows are plain subtraction,
 * with no time zones or day lengths involved.
 *
 * A reporting year starts in `yearStartMonth` (4 = April, the financial year; 9 = September, the
 * academic year; 1 = the calendar year) and is known by the calendar year it starts in: the
 * financial year April 2012 to March 2013 has the start year 2012. Two labels are written for
 * it: `yearPeriodLabel` ("2012/13", "2012"), as periods carry it ("Q3 2012/13"), and
 * `reportingYearInWords` ("2012/13 academic year"), as the dashboard names the year of a YTD.
 */

/** The months' names in full, January first; the first three letters are the short name ("Sep"). */
export const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** A calendar month as year and month (1-12). */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

/** The value of the ASCII digit at `index`, or -1 when there is none there. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * The month number of text starting `YYYY-MM`, or null. Read character by character rather than
 * with a regular expression: the rules ask for the month of every period of every indicator.
 */
function leadingMonthNumber(iso: string): number | null {
  if (typeof iso !== "string") return null;
  const y0 = digitAt(iso, 0);
  const y1 = digitAt(iso, 1);
  const y2 = digitAt(iso, 2);
  const y3 = digitAt(iso, 3);
  const m0 = digitAt(iso, 5);
  const m1 = digitAt(iso, 6);
  if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0 || iso.charCodeAt(4) !== 45 || m0 < 0 || m1 < 0) return null;
  const month = m0 * 10 + m1;
  if (month < 1 || month > 12) return null;
  return (y0 * 1000 + y1 * 100 + y2 * 10 + y3) * 12 + month - 1;
}

/** The month of an ISO date (`YYYY-MM-DD`) or month key (`YYYY-MM`); null when the text is not one. */
export function yearMonthOf(iso: string): YearMonth | null {
  const n = leadingMonthNumber(iso);
  return n === null ? null : yearMonthFromNumber(n);
}

/** The month number (year × 12 + month − 1) of an ISO date or month key; null when the text is not one. */
export function monthNumberOf(iso: string): number | null {
  return leadingMonthNumber(iso);
}

/** The month a month number stands for. */
export function yearMonthFromNumber(monthNumber: number): YearMonth {
  return { year: Math.floor(monthNumber / 12), month: (monthNumber % 12) + 1 };
}

/** The `YYYY-MM` key of a month number. */
export function monthKey(monthNumber: number): string {
  const { year, month } = yearMonthFromNumber(monthNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** How many whole months from the first month to the second (negative when the second is earlier). */
export function monthsBetween(fromIso: string, toIso: string): number | null {
  const from = monthNumberOf(fromIso);
  const to = monthNumberOf(toIso);
  return from === null || to === null ? null : to - from;
}

/** The month before a `YYYY-MM` key, as a key. */
export function previousMonth(key: string): string | null {
  const n = monthNumberOf(key);
  return n === null ? null : monthKey(n - 1);
}

/** The last day of a month number, as an ISO date. */
export function lastDayOfMonth(monthNumber: number): string {
  const { year, month } = yearMonthFromNumber(monthNumber);
  // Day 0 of the next month is the last day of this one; UTC keeps it free of local time zones.
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${monthKey(monthNumber)}-${String(day).padStart(2, "0")}`;
}

/** The first day of a month number, as an ISO date. */
export function firstDayOfMonth(monthNumber: number): string {
  return `${monthKey(monthNumber)}-01`;
}

/** A month's full name and year: "December 2012". */
export function monthLongName(monthNumber: number): string {
  const { year, month } = yearMonthFromNumber(monthNumber);
  return `${monthNames[month - 1] ?? ""} ${year}`;
}

/** A month's short name and year: "Dec 2012". */
export function monthShortName(monthNumber: number): string {
  const { year, month } = yearMonthFromNumber(monthNumber);
  return `${(monthNames[month - 1] ?? "").slice(0, 3)} ${year}`;
}

/** The month number of a calendar month (1-12) of a year: monthNumberFrom(2013, 1) is 2013 × 12. */
export function monthNumberFrom(year: number, month: number): number {
  return year * 12 + month - 1;
}

/**
 * The start year of the reporting year containing a month: the calendar year in which that
 * reporting year begins. With an April start, January 2013 is in the year beginning April 2012, so 2012.
 */
export function reportingYearStartYear(monthNumber: number, yearStartMonth: number): number {
  const { year, month } = yearMonthFromNumber(monthNumber);
  return month >= yearStartMonth ? year : year - 1;
}

/** The month number of the first month of the reporting year containing a month (April 2012 for January 2013). */
export function reportingYearFirstMonth(monthNumber: number, yearStartMonth: number): number {
  return reportingYearStartYear(monthNumber, yearStartMonth) * 12 + yearStartMonth - 1;
}

/**
 * The label a reporting year carries in period labels, from its start year: "2012/13" (for any
 * year not starting in January, the academic year too), or "2012" when it starts in January.
 * This is how the year is written in "Q3 2012/13" and as a year period's own label.
 */
export function yearPeriodLabel(startYear: number, yearStartMonth: number): string {
  if (yearStartMonth === 1) return String(startYear);
  return `${startYear}/${pad2((startYear + 1) % 100)}`;
}

/**
 * A reporting year named for people, from its start year: "2012/13" for a financial year (or any
 * year not starting in January or September), "2012/13 academic year" when it starts in
 * September, "2012" when it starts in January. The dashboard names a YTD's year this way.
 */
export function reportingYearInWords(startYear: number, yearStartMonth: number): string {
  const label = yearPeriodLabel(startYear, yearStartMonth);
  return yearStartMonth === 9 ? `${label} academic year` : label;
}

/** The quarter (1-4) of the reporting year that a month falls in: December is quarter 3 of an April year. */
export function quarterOfReportingYear(monthNumber: number, yearStartMonth: number): number {
  const { month } = yearMonthFromNumber(monthNumber);
  return Math.floor(((month - yearStartMonth + 12) % 12) / 3) + 1;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds `months` to a (year, 1-based month) pair. */
function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const DAY_MS = 86_400_000;
/** Days between Excel's day 0 (1899-12-30, allowing for its 1900 leap-year bug) and 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/** Converts an Excel 1900-system serial to an ISO date (time of day dropped): 41305 → "2013-01-31". */
export function serialToIso(serial: number): string {
  const whole = Math.floor(serial);
  // Excel counts a 29 February 1900 that never was; serials before it are one day later than the arithmetic says.
  const adjusted = whole < 61 ? whole + 1 : whole;
  const d = new Date((adjusted - UNIX_EPOCH_SERIAL) * DAY_MS);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Converts an ISO date ("2013-01-31", time ignored) to its Excel 1900-system serial (41305); NaN when it is not a date. */
export function isoToSerial(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const serial = ms / DAY_MS + UNIX_EPOCH_SERIAL;
  return serial < 61 ? serial - 1 : serial;
}

/** The short name of a month (1-12): "Jan"; "?" for a number that is not a month. */
function shortMonthName(month: number): string {
  return monthNames[month - 1]?.slice(0, 3) ?? "?";
}

/** The month period: monthPeriod(2013, 1) is "Jan 2013", 2013-01-01 to 2013-01-31. */
export function monthPeriod(year: number, month: number): Period {
  return {
    label: `${shortMonthName(month)} ${year}`,
    start: iso(year, month, 1),
    end: iso(year, month, daysInMonth(year, month)),
  };
}

/** The reporting year that starts in `startYear` (April 2012 to March 2013 is "2012/13" when yearStartMonth is 4). */
export function yearPeriod(startYear: number, yearStartMonth: number): Period {
  const last = addMonths(startYear, yearStartMonth, 11);
  return {
    label: yearPeriodLabel(startYear, yearStartMonth),
    start: iso(startYear, yearStartMonth, 1),
    end: iso(last.year, last.month, daysInMonth(last.year, last.month)),
  };
}

/**
 * A span of `years` reporting years starting in `startYear`, as benchmarking sources write them:
 * spanPeriod(2012, 3, 4) is "2012-15", April 2012 to March 2015 (2012/13, 2013/14 and 2014/15).
 */
export function spanPeriod(startYear: number, years: number, yearStartMonth: number): Period {
  const last = addMonths(startYear, yearStartMonth, years * 12 - 1);
  return {
    label: `${startYear}-${pad2((startYear + years) % 100)}`,
    start: iso(startYear, yearStartMonth, 1),
    end: iso(last.year, last.month, daysInMonth(last.year, last.month)),
  };
}

/** Quarter 1-4 of the reporting year starting in `startYear`: quarterPeriod(2012, 3, 4) is "Q3 2012/13", October to December 2012. */
export function quarterPeriod(startYear: number, quarter: number, yearStartMonth: number): Period {
  const first = addMonths(startYear, yearStartMonth, (quarter - 1) * 3);
  const last = addMonths(first.year, first.month, 2);
  return {
    label: `Q${quarter} ${yearPeriodLabel(startYear, yearStartMonth)}`,
    start: iso(first.year, first.month, 1),
    end: iso(last.year, last.month, daysInMonth(last.year, last.month)),
  };
}

/** The 12 months ending with the given month: rollingPeriod(2012, 12) is "12 months to Dec 2012", January to December 2012. */
export function rollingPeriod(year: number, month: number): Period {
  const first = addMonths(year, month, -11);
  return {
    label: `12 months to ${shortMonthName(month)} ${year}`,
    start: iso(first.year, first.month, 1),
    end: iso(year, month, daysInMonth(year, month)),
  };
}

/** The quarter of the reporting year that contains a month, as a period: December 2012 is "Q3 2012/13" with April years. */
export function quarterPeriodOf(monthNumber: number, yearStartMonth: number): Period {
  return quarterPeriod(reportingYearStartYear(monthNumber, yearStartMonth), quarterOfReportingYear(monthNumber, yearStartMonth), yearStartMonth);
}
