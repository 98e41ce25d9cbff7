import { columnLetters } from "../a1";
import type { PrintSetup } from "../sheet-plan";
import { defaultRowHeight } from "./text-fit";
import { dateInWords } from "./words";

/**
 * Page estimate for A4 landscape printed one page wide. Excel shrinks the sheet to fit the
 * printable width, so a page holds (printable height ÷ scale) points of rows. With the columns
 * of this sheet (about 1,000pt wide) the scale is about 0.77 and a page holds about 630pt,
 * some 40 rows of 15pt once the repeated title rows are taken off. It is an estimate: the page
 * breaks it places only keep a table's heading with its first rows, and Excel still breaks
 * long tables by itself.
 */
export const a4Landscape = { width: 841.9, height: 595.3 } as const;

const margins = { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 } as const;

/** Width in points of a column `chars` characters wide in 10pt Arial (7px digits, 5px padding). */
export function columnWidthPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

/** Points of sheet height that fit on one printed page when the columns are fitted to the page width. */
export function pageHeightPoints(widths: readonly number[]): number {
  const sheetWidth = widths.reduce((sum, w) => sum + columnWidthPoints(w), 0);
  const printableWidth = a4Landscape.width - (margins.left + margins.right) * 72;
  const printableHeight = a4Landscape.height - (margins.top + margins.bottom) * 72;
  const scale = sheetWidth > printableWidth ? printableWidth / sheetWidth : 1;
  return printableHeight / scale;
}

/** What the page-break estimate needs to know about the sheet. */
export interface PageFlow {
  readonly rows: number;
  readonly heightOf: (row: number) => number | undefined;
  /** Rows repeated at the top of every page (1..titleRows). */
  readonly titleRows: number;
  readonly keeps: readonly { readonly from: number; readonly to: number }[];
  readonly pageHeight: number;
}

/**
 * Rows before which to break the page so that no table's heading is left at the foot of a page
 * without its first rows. Walks the rows adding heights, starting a new page where Excel would;
 * where a run that should stay together does not fit in what is left, breaks before it (unless
 * the page holds nothing yet, when breaking would not help).
 */
export function estimateRowBreaks(flow: PageFlow): number[] {
  const height = (row: number): number => flow.heightOf(row) ?? defaultRowHeight;
  let titleHeight = 0;
  for (let r = 1; r <= flow.titleRows; r++) titleHeight += height(r);
  // The first run starting at each row, found once: searching the list for every row made the
  // estimate quadratic (a large dashboard with charts has a run per chart band).
  const keepAt = new Map<number, { readonly from: number; readonly to: number }>();
  for (const k of flow.keeps) if (!keepAt.has(k.from)) keepAt.set(k.from, k);
  const breaks: number[] = [];
  let used = titleHeight;
  for (let r = flow.titleRows + 1; r <= flow.rows; r++) {
    const keep = keepAt.get(r);
    if (keep && used > titleHeight) {
      let run = 0;
      for (let k = keep.from; k <= keep.to; k++) run += height(k);
      if (used + run > flow.pageHeight) {
        breaks.push(r);
        used = titleHeight;
      }
    }
    const h = height(r);
    used = used + h > flow.pageHeight ? titleHeight + h : used + h;
  }
  return breaks;
}

/** Excel header/footer text treats "&" as a code; a literal one is written "&&". */
export function escapeHeaderText(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * Page setup: A4 landscape, one page wide, title rows repeated, page numbers and the date
 * produced in the footer. The date is written out in words ("Produced 3 December 2026"), not as
 * Excel's &D field, which prints in the locale of whatever machine renders the sheet (a US
 * LibreOffice printed 2 December as 12/02).
 */
export function printSetup(options: {
  readonly rows: number;
  readonly cols: number;
  readonly titleRows: number;
  readonly heading: string;
  readonly rowBreaks: readonly number[];
  /** Date produced, YYYY-MM-DD. */
  readonly produced: string;
}): PrintSetup {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${columnLetters(options.cols - 1)}${options.rows}`,
    printTitleRows: options.titleRows > 0 ? `$1:$${options.titleRows}` : null,
    margins: { ...margins },
    header: { left: escapeHeaderText(options.heading), center: "", right: "Performance Dashboard" },
    footer: { left: escapeHeaderText(`Produced ${dateInWords(options.produced)}`), center: "Page &P of &N", right: "" },
    rowBreaks: [...options.rowBreaks],
    pages: options.rowBreaks.length + 1,
    centerHorizontally: true,
  };
}
