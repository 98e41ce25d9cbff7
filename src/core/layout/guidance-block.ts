import { noteItem } from "./note-rows";
import { addPagedSection } from "./paged-section";
import type { SheetBuilder } from "./sheet-builder";

/**
 * Adds the guidance notes that explain alerts, arrows and thresholds, a note at a time. They fit
 * in what is left of the page or start a page of their own, so a reader never turns over for
 * their last lines.
 */
export function addGuidanceBlock(builder: SheetBuilder, guidance: readonly string[]): void {
  if (guidance.length === 0) return;
  addPagedSection(builder, { title: "Guidance notes", items: guidance.map((text) => noteItem(builder, text)), wholeOrFresh: true });
}
