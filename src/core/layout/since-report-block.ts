import type { Changes } from "../dashboard";
import { changesInWords, reportMonthWords } from "../history";
import { noteItem } from "./note-rows";
import { addPagedSection } from "./paged-section";
import type { SheetBuilder } from "./sheet-builder";

/**
 * Adds "Since the report of December 2012": the counts in one line, then each indicator whose
 * alert moved, each new or gone one, and the notes that explain the comparison (renamed rows,
 * changed references or settings). Revised figures are listed in the data notes, beside the other
 * notes on figures. Nothing is added when the dashboard has no report history to speak of.
 */
export function addSinceReportBlock(builder: SheetBuilder, changes: Changes): void {
  if (changes.since === null && changes.notes.length === 0) return;
  const title = changes.since ? `Since the report of ${reportMonthWords(changes.since.cutoff)}` : "Since the last report";
  const summary = changesInWords(changes);
  const lines = [...(summary ? [`${summary}.`] : []), ...changes.entries.map((e) => `${e.text}.`), ...changes.notes];
  // By the page rules, like every section: whole where it fits, else continued under its heading.
  addPagedSection(builder, { title, items: lines.map((line) => noteItem(builder, line)) });
}
