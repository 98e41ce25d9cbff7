import { diagnostic, type Diagnostic } from "../diagnostics";
import type { TableHeader } from "./find-tables";
import type { SheetView } from "./sheet-view";

/**
 * The columns of a sheet's tables that the reader did not take: a description or lead officer, a
 * RAG or YTD the dashboard works out itself, a header it does not know. Listed once per sheet, so
 * nothing is ignored without a word. Columns a hand-made mapping ignores on purpose, and second
 * columns of a role (which have their own warning), are not listed.
 */

function headerText(view: SheetView, row: number, col: number): string {
  const v = view.value(row, col);
  return typeof v === "string" ? v.replace(/\s+/g, " ").trim() : typeof v === "number" ? String(v) : "";
}

/** The columns of one table's header row that hold a header but were not read, as `C "Description"`. */
function unusedInTable(view: SheetView, header: TableHeader, ignoredByHand: ReadonlySet<number>): string[] {
  const used = new Set<number>();
  for (const c of header.columns) if (c.role !== "ignore") used.add(c.col);
  for (const d of header.duplicates) used.add(d.col);
  const unused: string[] = [];
  for (let c = 0; c < view.width; c++) {
    if (used.has(c) || ignoredByHand.has(c)) continue;
    const text = headerText(view, header.row, c);
    if (text !== "") unused.push(`${view.letters(c)} "${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`);
  }
  return unused;
}

/** One note for a sheet listing every column its tables did not read, or null when every column was used. */
export function unusedColumnsNote(view: SheetView, headers: readonly TableHeader[], ignoredByHand: ReadonlySet<number> = new Set()): Diagnostic | null {
  const unused = headers.flatMap((h) => unusedInTable(view, h, ignoredByHand));
  if (unused.length === 0) return null;
  const tables = headers.length > 1 ? " of its tables" : "";
  return diagnostic(
    "unused-columns",
    view.sheet,
    null,
    `Sheet "${view.sheet}": columns not used${tables}: ${unused.join(", ")}. The dashboard works out RAG, YTD and direction of travel itself; map a column by hand if it should be read.`,
  );
}
