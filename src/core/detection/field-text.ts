import type { CellValue } from "../grid";
import type { Aggregation, Kind, Polarity, Tolerance } from "../indicator";
import type { Frequency } from "../period";

/**
 * Reading the describing columns of an indicator table (Polarity, Frequency, Included, YTD
 * method, Tolerance, Type) from the words teams write in them. Each returns null when the cell
 * says nothing recognisable, so the caller can warn and fall back.
 */

function words(value: CellValue): string {
  if (typeof value !== "string") return "";
  return value
    .toLowerCase()
    .replace(/[^a-z0-9%↑↓+\- ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const LOWER = /\blow(er)?\b|\bdown\b|\bdecreas|\bminimi[sz]|\bfewer\b|\bless\b|\breduc|\bsmaller\b|\bascending\b|↓/;
const HIGHER = /\bhigh(er)?\b|\bup\b|\bincreas|\bmaximi[sz]|\bmore\b|\bbigger\b|\bgreater\b|\bdescending\b|↑/;
/** Words saying a direction is the bad one: "Higher is worse" means lower is better. */
const WORSE = /\b(worse|worst|bad|poor|not good)\b/;

/**
 * Reads a polarity: "Higher is better", "Up", "Lower", "Down", "Close to target", "On target";
 * "Higher is worse" is lower is better. Where a cell says both ("Lower is better, higher is
 * worse"), its first clause decides. The benchmarking sources' words too: "Ascending" (rank 1 is
 * the lowest value: lower is better), "Descending" (higher is better) and "Goldilocks" (closest
 * to a midpoint is best).
 */
export function parsePolarity(value: CellValue): Polarity | null {
  const t = words(value);
  if (t === "") return null;
  if (/\bgoldilocks\b/.test(t)) return "target";
  if (/\btarget\b|\bclose\b|\bcloser\b|\bin range\b|\bbalanced?\b/.test(t)) return "target";
  const clauses =
    typeof value === "string"
      ? value
          .toLowerCase()
          .split(/[,;/(]| and | but /)
          .map(words)
      : [t];
  const clause = clauses.find((c) => LOWER.test(c) || HIGHER.test(c) || c === "l" || c === "h") ?? t;
  const worse = WORSE.test(clause);
  if (LOWER.test(clause) || clause === "l") return worse ? "higher" : "lower";
  if (HIGHER.test(clause) || clause === "h") return worse ? "lower" : "higher";
  return null;
}

/** Reads a frequency: "Monthly", "Quarterly", "Annual", "Rolling 12 months" (and short forms). */
export function parseFrequency(value: CellValue): Frequency | null {
  const t = words(value);
  if (t === "") return null;
  if (/rolling|\b12 ?months?\b|\br12\b/.test(t)) return "rolling12";
  if (/^(monthly|month|m|mthly|every month)$/.test(t)) return "month";
  if (/^(quarterly|quarter|q|qtrly|qtr|every quarter)$/.test(t)) return "quarter";
  if (/^(annual|annually|yearly|year|y|a|financial year|academic year|annual academic year|annual financial year|once a year)$/.test(t)) return "year";
  if (/^(2|3|two|three) ?yearly$|^bienni|^trienni|^every (2|3|two|three) years$/.test(t)) return "year";
  if (t.startsWith("month")) return "month";
  if (t.startsWith("quarter")) return "quarter";
  if (t.startsWith("annual") || t.startsWith("year")) return "year";
  return null;
}

/**
 * Reads an Included column: blank or "Yes" is included; "No", "No - <reason>" or FALSE is
 * excluded, with the reason when there is one. Returns the exclusion reason, or null when included.
 */
export function parseExcluded(value: CellValue): string | null {
  if (value === false) return "Not included in this iteration.";
  if (typeof value !== "string") return null;
  const text = value.trim();
  const m = /^(no|n|false|excluded|exclude|not included)\b\s*[-–—:,.;]*\s*(.*)$/i.exec(text);
  if (!m) return null;
  const reason = (m[2] ?? "").trim();
  return reason === "" ? "Not included in this iteration." : reason;
}

/**
 * Reads a YTD method: "Sum", "Average"/"Mean", "Ratio"/"Rate over totals", "Latest"/"Point in time".
 * "Cumulative", "YTD" or "Year to date" say the figures are already year to date, so the latest is
 * the YTD: summing them again would count the year over and over.
 */
export function parseAggregation(value: CellValue): Aggregation | null {
  const t = words(value);
  if (t === "") return null;
  if (/\bratio\b|\brate\b|\bweighted\b|\bover totals?\b/.test(t)) return "ratio";
  if (/\bcumulative\b|\bytd\b|\byear to date\b|\bso far\b/.test(t)) return "latest";
  if (/\bsum\b|\btotal|\badd/.test(t)) return "sum";
  if (/\bmean\b|\baverage\b|\bavg\b/.test(t)) return "mean";
  if (/\blatest\b|\blast\b|\bpoint in time\b|\bsnapshot\b|\bcurrent\b|\byear end\b/.test(t)) return "latest";
  return null;
}

/** Reads a tolerance: "5%" (or 0.05 in a % format) is 5% of the target; a plain number is an absolute margin. */
export function parseTolerance(value: CellValue, numberFormat: string): Tolerance | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    return numberFormat.includes("%") ? { kind: "percent", value } : { kind: "absolute", value };
  }
  if (typeof value !== "string") return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === "%" ? { kind: "percent", value: n / 100 } : { kind: "absolute", value: n };
}

/** Reads an indicator type: "Activity" or "KPI". */
export function parseKind(value: CellValue): Kind | null {
  const t = words(value);
  if (t === "") return null;
  if (/activ|demand|volume/.test(t)) return "activity";
  if (/\bkpi\b|\bkey\b|performance|\bpi\b/.test(t)) return "kpi";
  return null;
}

/** A cell as trimmed text ("" when empty); numbers are written plainly so a numeric ref stays readable. */
export function cellText(value: CellValue): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return "";
}
