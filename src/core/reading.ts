import type { Diagnostic } from "./diagnostics";
import type { Indicator } from "./indicator";
import type { ColumnRole } from "./settings";

/** What detection found on one sheet: shown in the task pane, and the starting point for a hand-made mapping. */
export interface SheetReading {
  readonly sheet: string;
  /** "none": the sheet holds no indicator table (notes, staff lists). */
  readonly layout: "wide" | "long" | "none";
  /** 1-based worksheet row of the header, or null when no table was found. */
  readonly headerRow: number | null;
  /** Each mapped column: its letter, header text and role ("period" for a wide table's period columns). */
  readonly columns: readonly { readonly column: string; readonly header: string; readonly role: ColumnRole | "period" }[];
  readonly kpis: number;
  readonly activities: number;
  /** False when detection guessed: the user should check the mapping. */
  readonly sure: boolean;
  /** One sentence on what was found or why nothing was ("No header with an indicator name and results was found in rows 1-30"). */
  readonly note: string;
  /** True when the columns come from a hand-made mapping rather than detection. */
  readonly mapped: boolean;
}

/** Everything read from a workbook: per-sheet findings, the indicators, and diagnostics. */
export interface WorkbookReading {
  readonly sheets: readonly SheetReading[];
  readonly indicators: readonly Indicator[];
  readonly diagnostics: readonly Diagnostic[];
}
