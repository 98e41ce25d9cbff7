/**
 * A declarative description of the dashboard sheet: plain data that a test can snapshot and
 * that two writers (Office.js inside Excel, exceljs for files) turn into the same worksheet.
 * Addresses are A1 on the dashboard sheet; colours are "#RRGGBB".
 */

/** A cell's value in the plan. Strings are always literal text, never a formula, whatever they start with. Null leaves the cell empty. */
export type PlanValue = string | number | null;

/** A border line. */
export type BorderStyle = "thin" | "medium";

/** Formatting applied to a rectangular range. Only the properties given are set. */
export interface CellStyle {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points. */
  readonly size?: number;
  readonly wrap?: boolean;
  /** "centerAcross" is Excel's "Centre across selection": the text is centred over the empty cells to its right that share it, with no merge. */
  readonly hAlign?: "left" | "center" | "right" | "centerAcross";
  readonly vAlign?: "top" | "center" | "bottom";
  readonly borderTop?: BorderStyle;
  readonly borderBottom?: BorderStyle;
  readonly borderLeft?: BorderStyle;
  readonly borderRight?: BorderStyle;
  /** Colour of any borders given (default dark grey). */
  readonly borderColor?: string;
}

/** A style applied to a range ("A5:M5"); later entries win where they overlap. */
export interface StyledRange {
  readonly range: string;
  readonly style: CellStyle;
}

/** One conditional-format rule: an Excel formula relative to the top-left cell of its range, and the format when true. */
export interface ConditionalRule {
  /** Without the leading "=", e.g. `$G5="RED"`. */
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
  readonly bold?: boolean;
}

/** Conditional-format rules on a range, in priority order (first is highest), each stopping lower ones when true. */
export interface ConditionalFormat {
  readonly range: string;
  readonly rules: readonly ConditionalRule[];
}

/** Page setup for printing. */
export interface PrintSetup {
  readonly orientation: "landscape" | "portrait";
  readonly paperSize: "A4";
  /** Pages wide and tall to fit to; 0 tall means as many as needed. */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  /** "A1:M80". */
  readonly printArea: string;
  /** Rows repeated at the top of every page, "$4:$5", or null. */
  readonly printTitleRows: string | null;
  /** Margins in inches. */
  readonly margins: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header: number;
    readonly footer: number;
  };
  /** Header and footer texts with Excel's &-codes (&P page, &N pages, &D date). */
  readonly header: { readonly left: string; readonly center: string; readonly right: string };
  readonly footer: { readonly left: string; readonly center: string; readonly right: string };
  /** 1-based rows before which a manual page break is inserted: every page start after the first, so the pages do not depend on the renderer's own breaking. */
  readonly rowBreaks: readonly number[];
  /** Pages the sheet prints on (one more than the breaks). */
  readonly pages: number;
  readonly centerHorizontally: boolean;
}

/** A small trend chart: a line of results with a dashed target line, anchored over a cell range. */
export interface ChartPlan {
  /** The chart's name in the workbook ("Trend 1"), unique on the sheet. */
  readonly name: string;
  readonly title: string;
  /** What a screen reader says for the chart: a title and a one-line description. */
  readonly altText: { readonly title: string; readonly description: string };
  /** Axis titles: the periods (category axis) and the figures (value axis). */
  readonly axisTitles: { readonly category: string; readonly value: string };
  /** Names of the two lines. */
  readonly seriesNames: { readonly actual: string; readonly target: string };
  /** Number format of the figures, for the value axis. */
  readonly numberFormat: string;
  /** Where it sits, "N5:Q9". */
  readonly anchor: string;
  /** Range holding the category labels, the results and the targets (on the dashboard sheet, e.g. hidden helper columns). */
  readonly categories: string;
  readonly actual: string;
  readonly target: string | null;
}

/**
 * A table in Excel's sense ("Format as Table"): a header row of distinct column names over its
 * rows, so that a screen reader announces each cell with its column and the analyst can sort and
 * filter. The table's cells are written like any others; the table only marks them.
 */
export interface TablePlan {
  /** A name Excel accepts (letters, digits and underscores, not like a cell address), unique on the sheet. */
  readonly name: string;
  /** "A5:N12": the header row first. */
  readonly range: string;
  /** The header row's texts, left to right (the same as its cells). */
  readonly columns: readonly string[];
}

/** The dashboard sheet, whole. `values` and `numberFormats` are rows × cols, starting at A1. */
export interface SheetPlan {
  readonly name: string;
  readonly tabColor: string;
  readonly rows: number;
  readonly cols: number;
  readonly values: readonly (readonly PlanValue[])[];
  /** Per cell; "@" marks text cells (written as text, never parsed), "General" for none. */
  readonly numberFormats: readonly (readonly string[])[];
  /** Column widths in characters (Excel's unit), one per column. */
  readonly columnWidths: readonly number[];
  /** Heights in points of rows that need one (1-based row numbers). */
  readonly rowHeights: readonly { readonly row: number; readonly height: number }[];
  readonly styles: readonly StyledRange[];
  /** Merged ranges. The dashboard merges none (Excel's accessibility checker flags merged cells); the writers still support them. */
  readonly merges: readonly string[];
  /** The sheet's tables, each with a header row. */
  readonly tables: readonly TablePlan[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  /** Rows and columns frozen at the top and left. */
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly showGridlines: boolean;
  /** Default font of the sheet. */
  readonly font: { readonly name: string; readonly size: number };
  readonly print: PrintSetup;
  readonly charts: readonly ChartPlan[];
  /** The 1-based row of each indicator in the tables, by indicator id: where "go to row" goes. */
  readonly indicatorRows?: Readonly<Record<string, number>>;
}
