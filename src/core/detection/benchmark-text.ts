import type { CellValue } from "../grid";

/**
 * Reading the rank and quartile cells of benchmarking sheets. A rank is a whole number (1 is best),
 * written alone, "=4" for a tie, or with what it is out of ("4 of 32", "4/32", "4th out of 32").
 * Quartiles are of performance, as the Scottish benchmarking framework publishes them: 1 (or
 * "Top", "Upper", "1st") is the best quarter of councils and 4 ("Bottom", "Lower") the worst.
 */

/** A rank and, when the cell says, how many were ranked. */
export interface RankReading {
  readonly rank: number;
  readonly of: number | null;
}

const RANK_TEXT = /^=?\s*(\d{1,4})(?:st|nd|rd|th)?(?:\s*(?:\/|of|out of)\s*(\d{1,4}))?$/;

/** Reads a rank cell: 4 → rank 4; "4 of 32" → rank 4 of 32; null for anything else. */
export function parseRank(value: CellValue): RankReading | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 ? { rank: value, of: null } : null;
  if (typeof value !== "string") return null;
  const m = RANK_TEXT.exec(value.trim().toLowerCase());
  if (!m) return null;
  const rank = Number(m[1]);
  const of = m[2] === undefined ? null : Number(m[2]);
  if (rank < 1 || (of !== null && of < rank)) return null;
  return { rank, of };
}

/** Reads an "out of" cell: a whole number of councils ranked, or null. */
export function parseRankOf(value: CellValue): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

const QUARTILE_WORDS: readonly [RegExp, number][] = [
  [/^(?:q|quartile )?1(?:st)?(?: quartile)?$|^(?:top|upper|first|highest|best)(?: quartile)?$/, 1],
  [/^(?:q|quartile )?2(?:nd)?(?: quartile)?$|^(?:upper middle|second|2nd)(?: quartile)?$/, 2],
  [/^(?:q|quartile )?3(?:rd)?(?: quartile)?$|^(?:lower middle|third|3rd)(?: quartile)?$/, 3],
  [/^(?:q|quartile )?4(?:th)?(?: quartile)?$|^(?:bottom|lower|fourth|lowest|worst)(?: quartile)?$/, 4],
];

/** Reads a quartile cell: 1 to 4, "Q1", "Top quartile", "Upper middle", "Bottom"; null for anything else. */
export function parseQuartile(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 4 ? value : null;
  if (typeof value !== "string") return null;
  const t = value
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [pattern, quartile] of QUARTILE_WORDS) if (pattern.test(t)) return quartile;
  return null;
}
