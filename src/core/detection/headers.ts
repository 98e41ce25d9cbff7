import type { ColumnRole } from "../settings";

/**
 * Column headers teams use, and the role each plays. Matching ignores case, punctuation and
 * spacing, and a header that adds a year or a bracket ("Target 2012/13", "Actual (%)") still
 * matches. Headers about derived figures (YTD, RAG, direction of travel, previous year) are
 * recognised so they are never mistaken for results.
 */

const SYNONYMS: Readonly<Record<Exclude<ColumnRole, "ignore">, readonly string[]>> = {
  ref: [
    "ref",
    "reference",
    "ref no",
    "ref number",
    "pi code",
    "pi ref",
    "code",
    "kpi no",
    "kpi number",
    "kpi ref",
    "kpi code",
    "indicator ref",
    "indicator code",
    "id",
    "pi no",
    "pi number",
    "no",
  ],
  name: [
    "indicator",
    "performance indicator",
    "measure",
    "indicator name",
    "kpi",
    "kpi name",
    "kpi description",
    "indicator description",
    "pi",
    "pi name",
    "performance measure",
    "measure name",
    "name",
    "activity indicator",
    "key performance indicator",
    "title",
  ],
  serviceArea: ["service area", "service", "directorate", "division", "department", "portfolio", "team", "business unit", "unit of service", "section"],
  polarity: [
    "polarity",
    "better if",
    "good performance is",
    "higher or lower is better",
    "higher or lower better",
    "direction",
    "good is",
    "better is",
    "desired direction",
    "direction of improvement",
    "is higher better",
    "high or low",
    "aim",
  ],
  frequency: ["frequency", "reporting frequency", "how often", "freq", "frequency of reporting"],
  unit: ["unit", "units", "unit of measure", "measure type"],
  aggregation: ["aggregation", "ytd method", "ytd calculation", "year to date method", "ytd aggregation", "ytd type"],
  tolerance: ["tolerance", "amber tolerance", "tolerance band"],
  kind: ["type", "indicator type", "kind", "kpi or activity", "kpi activity", "rag type", "reporting", "reporting type", "target type", "measure status"],
  period: [
    "month",
    "period",
    "quarter",
    "year",
    "date",
    "reporting period",
    "period ending",
    "month ending",
    "quarter ending",
    "month end",
    "period end",
    "financial year",
  ],
  actual: ["actual", "result", "value", "outturn", "actuals", "performance", "actual performance", "actual result", "figure", "current performance"],
  target: ["target", "annual target", "bp target", "business plan target", "targets", "monthly target", "quarterly target", "period target", "profiled target"],
  floor: ["floor", "floor standard", "minimum standard", "floor target", "floor performance standard", "minimum", "floor standards"],
  expected: ["expected", "forecast", "expected activity", "bp forecast", "business plan forecast", "expected level", "forecast activity"],
  lower: ["lower threshold", "lower", "lower limit", "lower bound", "lower tolerance", "threshold lower"],
  upper: ["upper threshold", "upper", "upper limit", "upper bound", "upper tolerance", "threshold upper"],
  numerator: ["numerator"],
  denominator: ["denominator"],
  commentary: ["commentary", "notes", "comments", "comment", "note", "narrative", "explanation", "remarks"],
  comparator: [
    "comparator",
    "comparator average",
    "comparator group",
    "comparator group average",
    "benchmark",
    "benchmark average",
    "national average",
    "national",
    "england average",
    "english average",
    "england",
    "scotland average",
    "scottish average",
    "scotland",
    "wales average",
    "welsh average",
    "wales",
    "uk average",
    "gb average",
    "great britain average",
    "regional average",
    "region average",
    "family group",
    "family group average",
    "family average",
    "family",
    "nearest neighbours",
    "nearest neighbour",
    "nearest neighbours average",
    "nearest neighbour average",
    "cipfa nearest neighbours",
    "cipfa nearest neighbours average",
    "cipfa nearest neighbour average",
    "cipfa neighbours",
    "cipfa average",
    "statistical neighbours",
    "statistical neighbour",
    "statistical neighbours average",
    "statistical neighbour average",
    "lgbf average",
    "all councils",
    "all councils average",
    "council average",
    "peer group average",
    "peer average",
  ],
  quartile: ["quartile", "quartile position", "national quartile", "lgbf quartile", "quartile rank"],
  rank: ["rank", "ranking", "rank position", "national rank", "lgbf rank", "league table position", "league position"],
  rankOf: ["out of", "rank out of", "of", "number of councils", "no of councils", "councils ranked", "number ranked"],
  midpoint: ["midpoint", "mid point", "optimum", "optimal value", "ideal", "ideal value", "goldilocks midpoint"],
  greenTolerance: ["green tolerance", "green band", "green threshold", "green tolerance band"],
  staleAfter: ["stale after", "stale after months", "stale limit", "stale limit months", "out of date after", "maximum age", "max age", "months before stale"],
  included: [
    "included",
    "include in dashboard",
    "include",
    "in dashboard",
    "included in dashboard",
    "include in report",
    "included in this iteration",
    "on dashboard",
  ],
};

/** Headers of figures the dashboard computes itself, or of columns that only describe: never read as results. */
const IGNORED = [
  "description",
  "definition",
  "rag",
  "alert",
  "status",
  "dot",
  "direction of travel",
  "trend",
  "previous",
  "last year",
  "prior year",
  "same period last year",
  "variance",
  "lead officer",
  "owner",
  "responsible officer",
  "contact",
  "source",
  "data source",
];
const IGNORED_WORDS = /\b(ytd|year to date|previous|prior|last year|rag|variance)\b/;

const LOOKUP: ReadonlyMap<string, ColumnRole> = (() => {
  const map = new Map<string, ColumnRole>();
  for (const [role, words] of Object.entries(SYNONYMS) as [ColumnRole, readonly string[]][]) {
    for (const w of words) map.set(w, role);
  }
  for (const w of IGNORED) map.set(w, "ignore");
  return map;
})();

const NON_WORD = /[^a-z0-9]+/g;
const BRACKETS = /\([^)]*\)|\[[^\]]*\]/g;
const YEAR_TOKENS = /\b(?:\d{4}|\d{2})(?:\s*[/-]\s*(?:\d{4}|\d{2}))?\b/g;

/** Lower-cases a header and reduces punctuation to single spaces: "KPI No." → "kpi no". */
export function normaliseHeader(text: string): string {
  return text.toLowerCase().replace(/&/g, " and ").replace(/['’]/g, "").replace(NON_WORD, " ").trim();
}

/** The role a header names, or null when it names none ("Apr-12" is a period, found elsewhere). */
export function roleOfHeader(text: string): ColumnRole | null {
  if (text.length === 0 || text.length > 80) return null;
  const exact = LOOKUP.get(normaliseHeader(text));
  if (exact !== undefined) return exact;
  const lowered = text.toLowerCase();
  const stripped = normaliseHeader(lowered.replace(BRACKETS, " ").replace(YEAR_TOKENS, " "));
  if (stripped.length > 0) {
    const role = LOOKUP.get(stripped);
    if (role !== undefined) return role;
  }
  if (IGNORED_WORDS.test(normaliseHeader(text))) return "ignore";
  return null;
}
