import type { Comparison, ComparisonPosition, IndicatorResult } from "../dashboard";
import type { Observation, Polarity, Unit } from "../indicator";
import { compareFigures } from "./compare";
import { formatValue } from "./format-value";

/**
 * How the council compares with others, from the benchmarking columns of its sheet: each average
 * (national, family group, nearest neighbours) in words that read in print, judged with the
 * polarity ("better than the Scottish average (70.0%)"; for close-to-a-midpoint indicators, nearer
 * the midpoint or target is better), its quartile ("top quartile", quartile 1 being the best) and
 * its rank ("ranked 4 of 32", rank 1 being the best).
 */

const properNouns = new Set([
  "england",
  "english",
  "scotland",
  "scottish",
  "wales",
  "welsh",
  "uk",
  "gb",
  "great",
  "britain",
  "cipfa",
  "lgbf",
  "lga",
  "ons",
  "nhs",
]);
const averageWords = /\b(?:average|mean|median|figure|rate|benchmark|comparator|neighbours?|group|family|total|councils?)\b/i;

/** A comparator's header as words after "than": "Family group average" → "the family group average"; "Scotland" → "the Scotland figure". */
export function comparatorWords(label: string): string {
  const words = label
    .trim()
    .split(/\s+/)
    .map((w) => (properNouns.has(w.toLowerCase()) ? w : w.toLowerCase()))
    .join(" ");
  return averageWords.test(words) ? `the ${words}` : `the ${words} figure`;
}

/** Better, worse or the same as a comparator, with the polarity; null when a close-to-target indicator has nothing to be close to. */
function positionOf(actual: number, value: number, polarity: Polarity, best: number | null): ComparisonPosition | null {
  let side: number;
  if (polarity === "higher") side = compareFigures(actual, value);
  else if (polarity === "lower") side = compareFigures(value, actual);
  else if (best === null) return null;
  else side = compareFigures(Math.abs(value - best), Math.abs(actual - best));
  return side > 0 ? "BETTER" : side < 0 ? "WORSE" : "SAME";
}

const quartileWords = ["top quartile", "second quartile", "third quartile", "bottom quartile"];

/** The benchmarking part of a row the sheet gives no benchmarks for: shared, as it is most rows'. */
const noBenchmarks: Pick<IndicatorResult, "comparisons" | "rank" | "quartile"> = { comparisons: [], rank: null, quartile: null };

/** The benchmarking part of a dashboard row, from its current observation. */
export function compareWithOthers(o: Observation | null, polarity: Polarity, unit: Unit): Pick<IndicatorResult, "comparisons" | "rank" | "quartile"> {
  if (!o || (o.comparators === undefined && o.rank == null && o.quartile == null)) return noBenchmarks;
  const best = o.target ?? o.midpoint ?? null;
  const comparisons: Comparison[] = [];
  for (const c of o.comparators ?? []) {
    const position = o.actual === null ? null : positionOf(o.actual, c.value, polarity, best);
    const name = comparatorWords(c.label);
    const value = formatValue(c.value, unit);
    const words =
      position === "BETTER"
        ? `better than ${name} (${value})`
        : position === "WORSE"
          ? `worse than ${name} (${value})`
          : position === "SAME"
            ? `the same as ${name} (${value})`
            : `${name} is ${value}`;
    comparisons.push({ label: c.label, value: c.value, position, words });
  }
  const rank = o.rank == null ? null : { rank: o.rank, of: o.rankOf ?? null, words: `ranked ${o.rank}${o.rankOf != null ? ` of ${o.rankOf}` : ""}` };
  const q = o.quartile ?? null;
  const quartile = q !== null && q >= 1 && q <= 4 ? { quartile: q, words: quartileWords[q - 1] ?? "" } : null;
  return { comparisons, rank, quartile };
}
