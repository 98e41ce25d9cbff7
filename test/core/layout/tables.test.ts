import assert from "node:assert/strict";
import { textCell } from "../../../src/core/layout/sheet-builder";
import { addIndicatorRows, headerRowHeight, wrappedRowHeight } from "../../../src/core/layout/tables";
import { heightForLines } from "../../../src/core/layout/text-fit";
import { newBuilder, rowOf } from "./plan-helpers";
import { sampleIndicators } from "./sample-dashboard";

describe("tables", () => {
  it("leaves a row of short cells at the default height", () => {
    assert.equal(wrappedRowHeight([textCell("CS01"), textCell("Calls answered")]), undefined);
  });

  it("makes a row tall enough for its longest wrapped cell, measured in that cell's column", () => {
    const long = "word ".repeat(40).trim();
    const height = wrappedRowHeight([textCell("CS01"), textCell(long)]);
    assert.ok(height !== undefined && height > heightForLines(2), `got ${height}`);
  });

  it("gives an indicator table its heading, a two-line heading row and one row per indicator", () => {
    const b = newBuilder();
    const indicators = sampleIndicators.slice(0, 3);
    const [rows, ...more] = addIndicatorRows(b, { kind: "kpi", title: "Some indicators", indicators }, "2013-01", ["Ref", "Indicator"], (i) => [
      textCell(i.ref),
      textCell(i.name),
    ]);
    assert.ok(rows);
    assert.equal(more.length, 0, "one part: it fits");
    const values = b.values();
    const header = rowOf(values, "Ref");
    assert.equal(rows.header, header);
    assert.deepEqual(b.tables, [{ name: "Some_indicators", range: `A${header}:B${rows.last}`, columns: ["Ref", "Indicator"] }]);
    assert.equal(values[rows.heading - 1]?.[0], "Some indicators");
    assert.equal(rows.first, header + 1);
    assert.equal(rows.last - rows.first + 1, indicators.length);
    assert.ok(b.rowHeights().some((h) => h.row === header && h.height === headerRowHeight));
  });
});
