/**
 * The column editor for one sheet: header row, layout and a role for each column, for when
 * detection was unsure or wrong. Applying it saves a hand-made mapping in the settings.
 */
import { columnLetters, parseAddress } from "../core/a1";
import type { Grid } from "../core/grid";
import { columnRoles, type ColumnRole, type SheetMapping } from "../core/settings";
import { el, replaceChildren, uniqueId } from "./dom";

/** Names of the column roles as an analyst would say them. */
export const roleLabels: Readonly<Record<ColumnRole, string>> = {
  ref: "Reference",
  name: "Indicator name",
  serviceArea: "Service area",
  polarity: "Polarity (higher or lower is better)",
  frequency: "Frequency",
  unit: "Unit",
  aggregation: "Year-to-date method",
  tolerance: "Tolerance",
  kind: "KPI, activity or monitor only (Type)",
  period: "Period",
  actual: "Result",
  target: "Target",
  floor: "Floor standard",
  expected: "Expected (forecast)",
  lower: "Lower threshold",
  upper: "Upper threshold",
  numerator: "Numerator",
  denominator: "Denominator",
  commentary: "Commentary",
  included: "Included in this iteration",
  comparator: "Average to compare with (national, family group)",
  quartile: "Quartile among councils",
  rank: "Rank among councils",
  rankOf: "Number of councils ranked (out of)",
  midpoint: "Midpoint (closest is best)",
  greenTolerance: "Green tolerance",
  staleAfter: "Stale after (months)",
  ignore: "Ignore this column",
};

/** What the editor starts from and whom it tells. */
export interface MappingEditorInput {
  readonly grid: Grid;
  readonly mapping: SheetMapping;
  /** True when the sheet already has a hand-made mapping (offers "Use detection"). */
  readonly mapped: boolean;
  /** data-key of the control that takes focus when the editor closes. */
  readonly returnFocusTo: string;
  /** Called with the new mapping, or null to go back to detection. */
  readonly onApply: (mapping: SheetMapping | null) => void;
  readonly onCancel: () => void;
}

/** The header text of each column at a 1-based worksheet row, with the column's letters. */
export function headerCells(grid: Grid, headerRow: number): { column: string; header: string }[] {
  const origin = parseAddress(grid.origin) ?? { row: 0, col: 0 };
  const row = grid.values[headerRow - 1 - origin.row] ?? [];
  const width = grid.values[0]?.length ?? 0;
  const cells: { column: string; header: string }[] = [];
  for (let c = 0; c < width; c++) {
    const value = row[c];
    cells.push({ column: columnLetters(origin.col + c), header: value === undefined ? "" : String(value).trim() });
  }
  return cells;
}

/** Renders the editor; it keeps its own draft until Apply. */
export function renderMappingEditor(input: MappingEditorInput): HTMLElement {
  const rowsInSheet = input.grid.values.length + (parseAddress(input.grid.origin)?.row ?? 0);
  const headerId = uniqueId("header-row");
  const layoutId = uniqueId("layout");
  const headerInput = el("input", {
    id: headerId,
    type: "number",
    min: 1,
    max: Math.max(1, rowsInSheet),
    value: input.mapping.headerRow,
    inputmode: "numeric",
  });
  const layoutSelect = el(
    "select",
    { id: layoutId },
    el("option", { value: "wide", selected: input.mapping.layout === "wide" }, "One row per indicator, periods across"),
    el("option", { value: "long", selected: input.mapping.layout === "long" }, "One row per indicator per period"),
  );
  const columnsBox = el("div", { class: "mapping-columns" });
  const columns: Record<string, ColumnRole> = { ...input.mapping.columns };

  const drawColumns = (): void => {
    const headerRow = Number(headerInput.value);
    const cells = Number.isInteger(headerRow) && headerRow >= 1 ? headerCells(input.grid, headerRow) : [];
    const wide = layoutSelect.value === "wide";
    replaceChildren(
      columnsBox,
      ...cells.map(({ column, header }) => {
        const id = uniqueId("role");
        const select = el(
          "select",
          { id, "data-column": column },
          el("option", { value: "" }, wide ? "Period or not used" : "Not used"),
          ...columnRoles.map((role) => el("option", { value: role, selected: columns[column] === role }, roleLabels[role])),
        );
        select.addEventListener("change", () => {
          if (select.value === "") delete columns[column];
          else columns[column] = select.value as ColumnRole;
        });
        return el(
          "div",
          { class: "field mapping-field" },
          el("label", { for: id }, el("span", { class: "column-letter" }, column), " ", header || "(no header)"),
          select,
        );
      }),
    );
  };
  headerInput.addEventListener("change", drawColumns);
  layoutSelect.addEventListener("change", drawColumns);
  drawColumns();

  const problem = el("p", { class: "field-error", role: "alert" });
  const back = input.returnFocusTo;
  const apply = el("button", { type: "button", class: "primary small", "data-focus-after": back }, "Apply");
  apply.addEventListener("click", () => {
    const headerRow = Number(headerInput.value);
    if (!Number.isInteger(headerRow) || headerRow < 1) {
      problem.textContent = "The header row must be a whole number, 1 or more.";
      headerInput.focus();
      return;
    }
    const roles = Object.values(columns);
    if (!roles.includes("name")) {
      problem.textContent = "Choose the column that holds the indicator name.";
      return;
    }
    const layout = layoutSelect.value === "long" ? "long" : "wide";
    const kept: Record<string, ColumnRole> = {};
    const letters = new Set(headerCells(input.grid, headerRow).map((c) => c.column));
    for (const [column, role] of Object.entries(columns)) if (letters.has(column)) kept[column] = role;
    input.onApply({ ...input.mapping, headerRow, layout, columns: kept });
  });
  const cancel = el("button", { type: "button", class: "secondary small", "data-focus-after": back }, "Cancel");
  cancel.addEventListener("click", input.onCancel);
  const reset = input.mapped ? el("button", { type: "button", class: "secondary small", "data-focus-after": back }, "Use detection") : null;
  reset?.addEventListener("click", () => input.onApply(null));

  return el(
    "div",
    { class: "mapping-editor", role: "group", "aria-label": `Columns of ${input.grid.sheet}` },
    el("div", { class: "field" }, el("label", { for: headerId }, "Header row"), headerInput),
    el("div", { class: "field" }, el("label", { for: layoutId }, "Layout"), layoutSelect),
    columnsBox,
    problem,
    el("div", { class: "button-row" }, apply, reset, cancel),
  );
}
