import type { Diagnostic } from "../diagnostics";
import type { Indicator } from "../indicator";
import type { Period } from "../period";
import type { TableContext } from "./draft";
import type { TableHeader } from "./find-tables";
import { IndicatorMaker } from "./indicator-maker";
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

/** Reads the rows from `header.row + 1` up to (not including) `endRow` into indicators. */
export function readTable(view: SheetView, header: TableHeader, endRow: number, ctx: TableContext): TableResult {
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
  const diagnostics = reader.diagnostics.concat(maker.diagnostics);
  return { indicators: maker.indicators, identities: maker.identities, diagnostics, lastRow: reader.lastRow, kpis: maker.kpis, activities: maker.activities, first: maker.first, last: maker.last, polarityDefaulted: maker.polarityDefaulted };
}
