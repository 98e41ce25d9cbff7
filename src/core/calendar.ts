/**
 * Calendar arithmetic the rules need, on whole months. Months are counted as a single integer
 * ("month number" = year × 12 + month − 1) so that differences and windows are plain subtraction,
 * with no time zones or day lengths involved.
 */

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

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

/**
 * The calendar year in which the reporting year containing a month begins: with an April start,
 * January 2013 is in the year beginning April 2012, so 2012.
 */
export function reportingYearOf(monthNumber: number, yearStartMonth: number): number {
  const { year, month } = yearMonthFromNumber(monthNumber);
  return month >= yearStartMonth ? year : year - 1;
}

/** The month number of the first month of the reporting year containing a month. */
export function reportingYearStart(monthNumber: number, yearStartMonth: number): number {
  return reportingYearOf(monthNumber, yearStartMonth) * 12 + yearStartMonth - 1;
}

/**
 * A reporting year's label: "2012/13" for a financial year (or any year not starting in January),
 * "2012/13 academic year" when it starts in September, "2012" when it starts in January.
 */
export function reportingYearLabel(startYear: number, yearStartMonth: number): string {
  if (yearStartMonth === 1) return String(startYear);
  const label = `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
  return yearStartMonth === 9 ? `${label} academic year` : label;
}

/** The quarter (1-4) of the reporting year that a month falls in: December is quarter 3 of an April year. */
export function quarterOfReportingYear(monthNumber: number, yearStartMonth: number): number {
  const { month } = yearMonthFromNumber(monthNumber);
  return Math.floor((month - yearStartMonth + 12) % 12 / 3) + 1;
}
