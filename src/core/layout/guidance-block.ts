import { addNoteRows } from "./note-rows";
import { addSectionHeading } from "./section-heading";
import type { SheetBuilder } from "./sheet-builder";

/** Adds the guidance notes that explain alerts, arrows and thresholds, one wrapped row each. */
export function addGuidanceBlock(builder: SheetBuilder, guidance: readonly string[]): void {
  if (guidance.length === 0) return;
  const heading = addSectionHeading(builder, "Guidance notes");
  const last = addNoteRows(builder, guidance);
  builder.keepTogether(heading - 1, Math.min(last, heading + 2));
}
