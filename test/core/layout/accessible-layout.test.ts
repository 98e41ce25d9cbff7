import assert from "node:assert/strict";
import { rangeBounds } from "../../../src/core/a1";
import { layoutDashboard } from "../../../src/core/layout";
import { columnWidths, sheetColumns } from "../../../src/core/layout/columns";
import { columnWidthPoints } from "../../../src/core/layout/print-setup";
import type { SheetPlan } from "../../../src/core/sheet-plan";
import { rowOf, valueAt } from "./plan-helpers";
import { sampleDashboard, sampleSettings } from "./sample-dashboard";

/**
 * What Excel's accessibility checker asks of a sheet, as the layout can meet it: no merged cells
 * (titles are centred across the selection instead), a header row on every table, and no blank
 * rows or columns used for layout inside a table.
 */

/** The style properties that apply to a cell after every style entry, later ones winning. */
function styleAt(plan: SheetPlan, row: number, col: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { range, style } of plan.styles) {
    const b = rangeBounds(range);
    if (b && row - 1 >= b.top && row - 1 <= b.bottom && col >= b.left && col <= b.right) Object.assign(out, style);
  }
  return out;
}

describe("an accessible dashboard layout", () => {
  const plan = layoutDashboard(sampleDashboard(), sampleSettings());

  it("merges no cells", () => {
    assert.deepEqual(plan.merges, []);
  });

  it("centres the title lines across the printed columns instead of merging them", () => {
    const title = rowOf(plan.values, "Customer & Communities");
    for (let c = 0; c < sheetColumns; c++) assert.equal(styleAt(plan, title, c).hAlign, "centerAcross", `column ${c}`);
    for (let c = 1; c < sheetColumns; c++) assert.equal(plan.values[title - 1]?.[c], null, "the cells it is centred across are empty");
  });

  it("lists every table with a header row of distinct column names over rows that each hold something", () => {
    assert.ok(plan.tables.length >= 6, `${plan.tables.length} tables`);
    const names = new Set<string>();
    for (const table of plan.tables) {
      assert.match(table.name, /^[A-Za-z_][A-Za-z0-9_]*$/, "a name Excel accepts");
      assert.ok(!names.has(table.name.toLowerCase()), `${table.name} is unique`);
      names.add(table.name.toLowerCase());
      const b = rangeBounds(table.range);
      assert.ok(b && b.bottom > b.top, `${table.range} has a header and rows`);
      const header = plan.values[b.top]?.slice(b.left, b.right + 1) ?? [];
      assert.deepEqual(header, table.columns, `${table.name}: the header cells are its column names`);
      assert.ok(
        table.columns.every((c) => typeof c === "string" && c.trim() !== ""),
        `${table.name} has no empty heading`,
      );
      assert.equal(new Set(table.columns.map((c) => c.toLowerCase())).size, table.columns.length, `${table.name}'s headings are distinct`);
      for (let r = b.top + 1; r <= b.bottom; r++) {
        const cells = plan.values[r]?.slice(b.left, b.right + 1) ?? [];
        assert.ok(
          cells.some((v) => v !== null),
          `${table.name}: row ${r + 1} is not blank`,
        );
      }
    }
    for (const heading of ["Summary", "Monthly key performance indicators", "Monthly activity indicators", "Exceptions"]) {
      const row = rowOf(plan.values, heading);
      assert.ok(
        plan.tables.some((t) => rangeBounds(t.range)?.top === row),
        `the table under "${heading}" starts right below it`,
      );
    }
  });

  it("puts each service area of the summary in one wide column rather than across two", () => {
    const summary = plan.tables.find((t) => t.columns[0] === "Service area");
    assert.ok(summary);
    assert.equal(summary.range.replace(/\d+/g, ""), "B:I");
    const header = rowOf(plan.values, "Service area", 1);
    assert.equal(valueAt(plan, `A${header}`), null);
    assert.equal(valueAt(plan, `B${header + 1}`), "Customer Relationship");
  });

  it("gives an exception's reason a cell of its own, the table ending at Reason", () => {
    const exceptions = plan.tables.find((t) => t.columns.join("|") === "Ref|Indicator|Exception|Reason");
    assert.ok(exceptions, "an exceptions table of four columns");
    const b = rangeBounds(exceptions.range);
    assert.ok(b);
    assert.equal(b.right, 3);
    for (let r = b.top + 1; r <= b.bottom; r++) {
      assert.equal(typeof plan.values[r]?.[3], "string", `row ${r + 1} has its reason in D`);
      for (let c = 4; c < sheetColumns; c++) assert.equal(plan.values[r]?.[c], null, "the reason runs over empty cells, not merged ones");
    }
  });

  it("writes each note as lines that fit the printed width, one line to a row, never wrapped in a narrow cell", () => {
    const guidance = rowOf(plan.values, "Guidance notes");
    const widthPx = columnWidths.reduce((s, w) => s + columnWidthPoints(w) / 0.75, 0);
    let lines = 0;
    for (let r = guidance + 1; r <= plan.rows; r++) {
      const text = plan.values[r - 1]?.[0];
      if (typeof text !== "string") continue;
      lines++;
      // Prose in 10pt Arial averages under 6.3px a character.
      assert.ok(text.length * 6.3 <= widthPx, `"${text.slice(0, 30)}…" (${text.length} characters) fits ${Math.round(widthPx)}px`);
      assert.notEqual(styleAt(plan, r, 0).wrap, true, "not wrapped");
    }
    assert.ok(lines > sampleDashboard().guidance.length, "long notes take more than one line");
  });
});
