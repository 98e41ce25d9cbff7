import { diagnostic, type Diagnostic } from "../diagnostics";
import type { CellValue } from "../grid";
import type { Comparator } from "../indicator";
import type { BenchmarkCells, Obs } from "./draft";
import type { TableHeader } from "./find-tables";
import { parseQuartile, parseRank, parseRankOf } from "./benchmark-text";
import { isBlank, type SheetView } from "./sheet-view";
import { readNumber } from "./values";

/**
 * The columns benchmarking sheets add beside a council's own figures: averages to compare with
 * (national, family group, nearest neighbours: several may sit side by side, each named by its
 * header), a quartile, a rank and what it is out of, and the midpoint of a "Goldilocks" indicator.
 * A wide row's cells describe the whole row and apply to every period, as a row-wide target does;
 * a long row's cells describe its own period.
 */

/** Where a table keeps its benchmarking columns. */
export interface BenchmarkColumns {
  readonly comparators: readonly { readonly col: number; readonly label: string }[];
  readonly quartile: number | undefined;
  readonly rank: number | undefined;
  readonly rankOf: number | undefined;
  readonly midpoint: number | undefined;
}

/** What one row's benchmarking cells say. */
interface BenchmarkFigures {
  readonly comparators: readonly Comparator[];
  readonly rank: number | null;
  readonly rankOf: number | null;
  readonly quartile: number | null;
  readonly midpoint: number | null;
  readonly cells: BenchmarkCells;
}

/** The header's benchmarking columns, or null when it has none (most tables), so rows need not look. */
export function benchmarkColumns(header: TableHeader): BenchmarkColumns | null {
  const comparators = header.columns.filter((c) => c.role === "comparator").map((c) => ({ col: c.col, label: c.header.replace(/\s+/g, " ").trim() }));
  const found: BenchmarkColumns = {
    comparators,
    quartile: header.roles.get("quartile"),
    rank: header.roles.get("rank"),
    rankOf: header.roles.get("rankOf"),
    midpoint: header.roles.get("midpoint"),
  };
  const any = comparators.length > 0 || found.quartile !== undefined || found.rank !== undefined || found.rankOf !== undefined || found.midpoint !== undefined;
  return any ? found : null;
}

/** Reads a figure cell for a benchmark, with the warning a cell that is not a number gives. */
function figureAt(view: SheetView, row: number, col: number, out: Diagnostic[]): number | null {
  const value = view.value(row, col);
  if (isBlank(value)) return null;
  const reading = readNumber(value, view.format(row, col));
  if (reading.problemCode !== null) {
    const cell = view.address(row, col);
    out.push(
      diagnostic(
        reading.problemCode,
        view.sheet,
        cell,
        `Cell ${cell} on sheet "${view.sheet}" ${reading.problem ?? "is not a figure"}: it is read as no data.`,
      ),
    );
  }
  return reading.value;
}

/** True for what teams type for "none" ("n/a", "-", "..", "TBC"): read as missing, without a warning. */
function isMissingMark(value: CellValue): boolean {
  const reading = readNumber(value, "General");
  return reading.value === null && reading.problemCode === null;
}

/** Reads one row's benchmarking cells; problems become diagnostics naming the cell. */
function readRow(view: SheetView, row: number, columns: BenchmarkColumns, out: Diagnostic[]): BenchmarkFigures {
  const comparators: Comparator[] = [];
  for (const c of columns.comparators) {
    const value = figureAt(view, row, c.col, out);
    if (value !== null) comparators.push({ label: c.label || `Comparator (column ${view.letters(c.col)})`, value, cell: view.address(row, c.col) });
  }
  const cells: BenchmarkFigures["cells"] = {};
  let rank: number | null = null;
  let rankOf: number | null = null;
  if (columns.rank !== undefined && !isBlank(view.value(row, columns.rank))) {
    const cell = view.address(row, columns.rank);
    const parsed = parseRank(view.value(row, columns.rank));
    cells.rank = cell;
    if (parsed) {
      rank = parsed.rank;
      rankOf = parsed.of;
    } else if (!isMissingMark(view.value(row, columns.rank))) {
      out.push(
        diagnostic(
          "unknown-rank",
          view.sheet,
          cell,
          `Cell ${cell} on sheet "${view.sheet}" gives the rank "${String(view.value(row, columns.rank)).trim()}", which is not a whole number such as 4 or "4 of 32": no rank is shown.`,
        ),
      );
    }
  }
  if (columns.rankOf !== undefined && !isBlank(view.value(row, columns.rankOf))) {
    const of = parseRankOf(view.value(row, columns.rankOf));
    if (of !== null) {
      rankOf = of;
      cells.rankOf = view.address(row, columns.rankOf);
    }
  }
  let quartile: number | null = null;
  if (columns.quartile !== undefined && !isBlank(view.value(row, columns.quartile))) {
    const cell = view.address(row, columns.quartile);
    quartile = parseQuartile(view.value(row, columns.quartile));
    cells.quartile = cell;
    if (quartile === null && !isMissingMark(view.value(row, columns.quartile))) {
      out.push(
        diagnostic(
          "unknown-quartile",
          view.sheet,
          cell,
          `Cell ${cell} on sheet "${view.sheet}" gives the quartile "${String(view.value(row, columns.quartile)).trim()}", which is not 1 to 4 or a word such as Top or Bottom: no quartile is shown.`,
        ),
      );
    }
  }
  const midpoint = columns.midpoint === undefined ? null : figureAt(view, row, columns.midpoint, out);
  if (midpoint !== null && columns.midpoint !== undefined) cells.midpoint = view.address(row, columns.midpoint);
  return { comparators, rank, rankOf, quartile, midpoint, cells };
}

/** Puts a row's benchmark figures on an observation, only those the row gives, keeping the cells. */
function apply(o: Obs, f: BenchmarkFigures): void {
  if (f.comparators.length > 0) o.comparators = f.comparators;
  if (f.rank !== null) o.rank = f.rank;
  if (f.rankOf !== null) o.rankOf = f.rankOf;
  if (f.quartile !== null) o.quartile = f.quartile;
  if (f.midpoint !== null) o.midpoint = f.midpoint;
  if (f.cells.rank || f.cells.rankOf || f.cells.quartile || f.cells.midpoint) o.addBenchmarkCells(f.cells);
}

/** Reads a row's benchmarking cells onto the observations given: every period of a wide row, or a long row's own. */
export function readBenchmarks(view: SheetView, row: number, columns: BenchmarkColumns, observations: readonly Obs[], out: Diagnostic[]): void {
  const figures = readRow(view, row, columns, out);
  for (const o of observations) apply(o, figures);
}
