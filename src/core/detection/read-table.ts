import { diagnostic, type Diagnostic } from "../diagnostics";
import type { Indicator } from "../indicator";
import type { Period } from "../period";
import type { TableContext } from "./draft";
import type { TableHeader } from "./find-tables";
import { IndicatorMaker } from "./indicator-maker";
import { ambiguousPeriodWords, ambiguousReadings, periodContext, type PeriodCell } from "./period-context";
import { TableReader } from "./row-reader";
import type { SheetView } from "./sheet-view";

/**
 * Reading the rows of one indicator table into Indicators: one row per indicator (wide) or one
 * row per indicator per period (long, grouped by reference or name). Every figure keeps the A1
 * address of its cell; anything that cannot be read becomes a diagnostic naming the cell. The
 * row reader (row-reader.ts) fills the draft records (draft.ts) row by row; the indicator maker
 * (indicator-maker.ts) turns each finished draft into an Indicator.
 */

/** What one table gave. */
export interface TableResult {
  readonly indicators: Indicator[];
  /** What identifies each indicator, in step with `indicators` (see IndicatorMaker.identities). */
  readonly identities: readonly { readonly key: string; readonly cell: string }[];
  readonly diagnostics: Diagnostic[];
  /** Grid row of the last row read as (part of) an indicator, or the header row when none. */
  readonly lastRow: number;
  readonly kpis: number;
  readonly activities: number;
  /** The earliest and latest periods with results, for the sheet's note. */
  readonly first: Period | null;
  readonly last: Period | null;
  /** Number of indicators with no polarity given, defaulted to higher is better. */
  readonly polarityDefaulted: number;
}

const ROLLING_WORDS = /rolling\s*(?:12|twelve)|(?:12|twelve)[\s-]*months?\s*rolling|rolling\s*year|\br12\b/i;

/** True when text (a title or sheet name) says the figures are rolling 12-month ones. */
export function saysRolling(text: string): boolean {
  return ROLLING_WORDS.test(text);
}

/** The cells of a long table's period column, for reading "2010-12" in the context of the others. */
function* periodColumnCells(view: SheetView, col: number, from: number, to: number): Generator<PeriodCell> {
  for (let r = from; r < to; r++) yield { value: view.value(r, col), format: view.format(r, col) };
}

/**
 * How a long table's ambiguous period cells ("2010-12") are read, from its period column, with a
 * warning on the first such cell when the column did not settle it. Most tables have none, and are
 * looked at only as far as finding that out.
 */
function longTableContext(view: SheetView, header: TableHeader, endRow: number, ctx: TableContext): { ctx: TableContext; warning: Diagnostic | null } {
  const col = header.layout === "long" ? header.roles.get("period") : undefined;
  if (col === undefined) return { ctx, warning: null };
  let first = -1;
  for (let r = header.row + 1; r < endRow && first < 0; r++) if (ambiguousReadings(view.value(r, col), view.format(r, col), ctx.yearStartMonth)) first = r;
  if (first < 0) return { ctx, warning: null };
  const context = periodContext(periodColumnCells(view, col, header.row + 1, endRow), ctx.yearStartMonth);
  if (!context) return { ctx, warning: null };
  const readings = ambiguousReadings(view.value(first, col), view.format(first, col), ctx.yearStartMonth);
  const cell = view.address(first, col);
  const warning =
    context.sure || !readings
      ? null
      : diagnostic(
          "ambiguous-period",
          view.sheet,
          cell,
          `Cell ${cell} on sheet "${view.sheet}": ${ambiguousPeriodWords(String(view.value(first, col)), readings, context.reading)}`,
        );
  return { ctx: { ...ctx, ambiguous: context.reading }, warning };
}

/** Reads the rows from `header.row + 1` up to (not including) `endRow` into indicators. */
export function readTable(view: SheetView, header: TableHeader, endRow: number, tableCtx: TableContext): TableResult {
  const { ctx, warning } = longTableContext(view, header, endRow, tableCtx);
  const reader = new TableReader(view, header, ctx);
  const maker = new IndicatorMaker(view, header, ctx);
  for (let r = header.row + 1; r < endRow; r++) {
    if (header.layout === "wide") {
      // A wide row is a whole indicator: finishing it at once lets its drafts die young, which
      // spares the garbage collector most of the work on a large sheet.
      const draft = reader.readWideRow(r);
      if (draft) maker.make(draft);
    } else {
      reader.readLongRow(r);
    }
  }
  for (const d of reader.drafts) maker.make(d);
  reader.summariseRepeats();
  const diagnostics = (warning ? [warning] : []).concat(reader.diagnostics, maker.diagnostics);
  return {
    indicators: maker.indicators,
    identities: maker.identities,
    diagnostics,
    lastRow: reader.lastRow,
    kpis: maker.kpis,
    activities: maker.activities,
    first: maker.first,
    last: maker.last,
    polarityDefaulted: maker.polarityDefaulted,
  };
}
