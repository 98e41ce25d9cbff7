/** The "Sheets" section: each sheet, what was found on it, a tick to include it, and its column editor. */
import type { Grid } from "../core/grid";
import type { SheetReading } from "../core/reading";
import type { Settings, SheetMapping } from "../core/settings";
import { el, uniqueId } from "./dom";
import { editableMapping, isSheetIncluded, sheetFindings } from "./pane-model";
import { renderMappingEditor } from "./view-mapping";

/** What the sheets section needs and what it reports back. */
export interface SheetsViewInput {
  readonly readings: readonly SheetReading[];
  readonly grids: readonly Grid[];
  readonly settings: Settings;
  /** The sheet whose column editor is open, if any. */
  readonly editing: string | null;
  readonly onInclude: (sheet: string, included: boolean) => void;
  readonly onEdit: (sheet: string | null) => void;
  readonly onMapping: (sheet: string, mapping: SheetMapping | null) => void;
}

/** Renders the list of sheets. */
export function renderSheets(input: SheetsViewInput): HTMLElement {
  const headingId = uniqueId("sheets-heading");
  const list = el("ul", { class: "sheet-list" });
  for (const reading of input.readings) list.appendChild(renderSheet(reading, input));
  return el(
    "section",
    { class: "card", "aria-labelledby": headingId },
    el("h2", { id: headingId }, "Sheets"),
    input.readings.length === 0 ? el("p", { class: "muted" }, "This workbook has no worksheets to read.") : list,
  );
}

function renderSheet(reading: SheetReading, input: SheetsViewInput): HTMLElement {
  const checkboxId = uniqueId("sheet");
  const detailId = uniqueId("sheet-detail");
  const included = isSheetIncluded(input.settings, reading);
  const checkbox = el("input", {
    type: "checkbox",
    id: checkboxId,
    checked: included,
    "aria-describedby": detailId,
    "data-key": `include:${reading.sheet}`,
  });
  checkbox.addEventListener("change", () => input.onInclude(reading.sheet, checkbox.checked));

  const editing = input.editing === reading.sheet;
  const editButton = el(
    "button",
    { type: "button", class: "link", "aria-expanded": editing ? "true" : "false", "data-key": `edit:${reading.sheet}` },
    reading.mapped ? "Edit columns" : "Check columns",
  );
  editButton.addEventListener("click", () => input.onEdit(editing ? null : reading.sheet));

  const unsure = reading.layout !== "none" && !reading.sure && !reading.mapped;
  const badge = reading.mapped
    ? el("span", { class: "badge info" }, "Columns set by hand")
    : unsure
      ? el("span", { class: "badge warning" }, "Please check the columns")
      : null;

  const grid = input.grids.find((g) => g.sheet === reading.sheet);
  const editor =
    editing && grid
      ? renderMappingEditor({
          grid,
          mapping: editableMapping(input.settings, reading),
          mapped: reading.mapped,
          returnFocusTo: `edit:${reading.sheet}`,
          onApply: (mapping) => input.onMapping(reading.sheet, mapping),
          onCancel: () => input.onEdit(null),
        })
      : null;

  return el(
    "li",
    { class: included ? "sheet" : "sheet excluded" },
    el("div", { class: "sheet-row" }, checkbox, el("label", { for: checkboxId, class: "sheet-name" }, reading.sheet), editButton),
    el(
      "div",
      { class: "sheet-detail", id: detailId },
      // With no table the note says what was looked for, which says more than "No indicator table found".
      el("span", {}, reading.layout === "none" && reading.note ? reading.note : sheetFindings(reading)),
      badge,
      reading.note && unsure ? el("span", { class: "note" }, reading.note) : null,
    ),
    editor,
  );
}
