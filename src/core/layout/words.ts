import { monthNames } from "../calendar";
import type { Dot, Position, Rag } from "../dashboard";
import type { Frequency } from "../period";

/**
 * How values are put into words on the dashboard. Alerts and arrows are words (with a symbol
 * that prints) so a black-and-white copy still says what the colour said.
 */

/** The alert as printed: "GREEN", "AMBER", "RED", "EXCEEDED", "MONITOR", "NO DATA", "NO TARGET"; empty for none. */
export function alertWord(rag: Rag | null | undefined): string {
  switch (rag) {
    case "GREEN":
    case "AMBER":
    case "RED":
    case "EXCEEDED":
    case "MONITOR":
      return rag;
    case "NO_DATA":
      return "NO DATA";
    case "NO_TARGET":
      return "NO TARGET";
    default:
      return "";
  }
}

/** Direction of travel as a printable symbol and a word: "▲ Improved", "▼ Worsened", "► Same". */
export function dotWords(dot: Dot | null | undefined): string {
  switch (dot) {
    case "IMPROVED":
      return "▲ Improved";
    case "WORSENED":
      return "▼ Worsened";
    case "SAME":
      return "► Same";
    default:
      return "";
  }
}

/** An activity result's place against its expected range, in words. */
export function positionWords(position: Position | null | undefined): string {
  switch (position) {
    case "ABOVE":
      return "Above range";
    case "WITHIN":
      return "Within range";
    case "BELOW":
      return "Below range";
    default:
      return "";
  }
}

/** What the YTD alert column says while a YTD alert is held back early in the year. */
export const tooEarlyWords = "TOO EARLY";

/** A frequency as a table heading's first words: "Monthly", "Quarterly", "Annual", "Multi-year", "Rolling 12 months". */
export function frequencyWords(frequency: Frequency): string {
  switch (frequency) {
    case "month":
      return "Monthly";
    case "quarter":
      return "Quarterly";
    case "year":
      return "Annual";
    case "multiYear":
      return "Multi-year";
    case "rolling12":
      return "Rolling 12 months";
  }
}

/** "2013-03-05" → "5 March 2013"; text that is not such a date is returned as it is. */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? monthNames[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "2013-01" → "January 2013"; text that is not such a month is returned as it is. */
export function monthInWords(yearMonth: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const month = m ? monthNames[Number(m[2]) - 1] : undefined;
  if (!m || !month) return yearMonth;
  return `${month} ${m[1]}`;
}
