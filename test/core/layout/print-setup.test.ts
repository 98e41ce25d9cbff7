import assert from "node:assert/strict";
import { columnWidths } from "../../../src/core/layout/columns";
import { escapeHeaderText, estimateRowBreaks, pageHeightPoints, printSetup } from "../../../src/core/layout/print-setup";

describe("print setup", () => {
  it("sets A4 landscape, one page wide and as many tall as needed, with half-inch sides", () => {
    const p = printSetup({ rows: 80, cols: 14, titleRows: 4, heading: "Customer & Communities", rowBreaks: [40], produced: "2026-12-03" });
    assert.equal(p.orientation, "landscape");
    assert.equal(p.paperSize, "A4");
    assert.deepEqual([p.fitToWidth, p.fitToHeight], [1, 0]);
    assert.equal(p.printArea, "A1:N80");
    assert.equal(p.printTitleRows, "$1:$4");
    assert.deepEqual([p.margins.left, p.margins.right], [0.5, 0.5]);
    assert.equal(p.footer.center, "Page &P of &N");
    assert.equal(p.header.left, "Customer && Communities");
  });

  it("writes the date produced in words, UK order, instead of Excel's &D field, which prints in the renderer's locale", () => {
    const p = printSetup({ rows: 80, cols: 14, titleRows: 4, heading: "Customer & Communities", rowBreaks: [40], produced: "2026-12-03" });
    assert.equal(p.footer.left, "Produced 3 December 2026");
    assert.ok(![p.footer, p.header].some((part) => Object.values(part).some((t) => t.includes("&D"))));
    assert.equal(p.pages, 2, "the pages the breaks make");
  });

  it("escapes & in header text so it is not read as a code", () => {
    assert.equal(escapeHeaderText("A&B"), "A&&B");
  });

  it("estimates about 40 rows of 15pt per page for the dashboard's columns", () => {
    const rows = pageHeightPoints(columnWidths) / 15;
    assert.ok(rows > 38 && rows < 50, `rows per page ${rows}`);
  });

  it("breaks before a table whose heading would otherwise be left at the foot of a page", () => {
    // 600pt pages, 2 title rows of 15pt: rows 3-40 fit on page 1. A table at rows 37-42 would be split after 4 rows.
    const breaks = estimateRowBreaks({ rows: 60, heightOf: () => 15, titleRows: 2, keeps: [{ from: 37, to: 42 }], pageHeight: 600 });
    assert.deepEqual(breaks, [37]);
    // Rows 35-40 end exactly at the foot of the page: no break needed.
    assert.deepEqual(estimateRowBreaks({ rows: 60, heightOf: () => 15, titleRows: 2, keeps: [{ from: 35, to: 40 }], pageHeight: 600 }), []);
  });

  it("adds no break when the table fits, or when the page holds nothing yet", () => {
    assert.deepEqual(estimateRowBreaks({ rows: 60, heightOf: () => 15, titleRows: 2, keeps: [{ from: 10, to: 15 }], pageHeight: 600 }), []);
    assert.deepEqual(estimateRowBreaks({ rows: 60, heightOf: () => 15, titleRows: 2, keeps: [{ from: 3, to: 50 }], pageHeight: 600 }), []);
  });
});
