import assert from "node:assert/strict";
import fc from "fast-check";
import { describe, it } from "mocha";
import { detectWorkbook } from "../../../src/core/detection";
import { parseAddress } from "../../../src/core/a1";
import type { CellValue, Grid } from "../../../src/core/grid";

const HEADER_WORDS = [
  "Ref",
  "Reference",
  "PI Code",
  "KPI No",
  "Indicator",
  "Performance Indicator",
  "Measure",
  "KPI",
  "Service Area",
  "Directorate",
  "Polarity",
  "Better if",
  "Good performance is",
  "Target",
  "BP target",
  "Floor",
  "Floor Standard",
  "Expected",
  "Forecast",
  "Lower threshold",
  "Upper limit",
  "Commentary",
  "Notes",
  "Actual",
  "Result",
  "Outturn",
  "Month",
  "Period",
  "Quarter",
  "Year",
  "Date",
  "Frequency",
  "Unit",
  "Aggregation",
  "YTD method",
  "Tolerance",
  "Included",
  "Include in dashboard",
  "Type",
];
const PERIOD_WORDS = [
  "Apr-12",
  "May 12",
  "April 2012",
  "Jan 2013",
  "2012-04",
  "01/04/2012",
  "Q3 2012/13",
  "Q1 14/15",
  "Quarter 2 2012/13",
  "Q4 2012",
  "2011/12",
  "2012-13",
  "FY 2012/13",
  "2012",
  "12 months to Dec 2012",
  "Rolling 12m Dec-12",
];
const VALUE_WORDS = [
  "72.1%",
  "1,234",
  "£2.5m",
  "(12)",
  "85 (p)",
  "n/a",
  "-",
  "–",
  "..",
  "TBC",
  "nil",
  "#N/A",
  "#DIV/0!",
  "about 40",
  "Higher",
  "Lower",
  "Close to target",
  "Monthly",
  "Quarterly",
  "Rolling 12 months",
  "No - under review",
  "Yes",
  "%",
  "Sum",
  "5%",
  " ",
  "",
];
const FORMATS = ["General", "0%", "0.0%", "#,##0", "£#,##0", "mmm-yy", "dd/mm/yyyy", "[$-809]mmmm yyyy", "@", ""];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...PERIOD_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUE_WORDS) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: false }) },
  { weight: 2, arbitrary: fc.integer({ min: 40000, max: 42000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const originArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant("A1") },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 200 }))
      .map(([c, r]) => `${String.fromCharCode(65 + (c % 26))}${c >= 26 ? "A" : ""}${r}`),
  },
);

/** Random grids, including ragged rows and formats of the wrong shape. */
const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.constantFrom("KPIs", "Activity", "Notes", "Rolling 12", "Sheet 1"),
    origin: originArb,
    rows: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 14 }),
    formatSeed: fc.array(fc.constantFrom(...FORMATS), { minLength: 1, maxLength: 5 }),
    ragged: fc.boolean(),
  })
  .map(({ sheet, origin, rows, formatSeed, ragged }) => {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const values = ragged ? rows : rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill("")]);
    const numberFormat = values.map((r, i) => r.map((_, j) => formatSeed[(i + j) % formatSeed.length] ?? "General"));
    return { sheet, origin, values, numberFormat };
  });

/** A grid that always has a recognisable header, so the reading paths (not only the search) are exercised. */
const tableArb: fc.Arbitrary<Grid> = fc
  .record({
    roles: fc.uniqueArray(fc.constantFrom(...HEADER_WORDS), { minLength: 1, maxLength: 6 }),
    periods: fc.uniqueArray(fc.constantFrom(...PERIOD_WORDS), { maxLength: 5 }),
    body: fc.array(fc.array(cellArb, { minLength: 0, maxLength: 12 }), { maxLength: 12 }),
    origin: originArb,
    above: fc.array(fc.array(cellArb, { maxLength: 3 }), { maxLength: 3 }),
  })
  .map(({ roles, periods, body, origin, above }) => {
    const header: CellValue[] = ["Indicator", ...roles, ...periods];
    const values = [...above, header, ...body];
    return { sheet: "Table", origin, values, numberFormat: values.map((r) => r.map(() => "General")) };
  });

function bounds(grid: Grid): { top: number; left: number; bottom: number; right: number } {
  const o = parseAddress(grid.origin) ?? { row: 0, col: 0 };
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  return { top: o.row, left: o.col, bottom: o.row + grid.values.length - 1, right: o.col + width - 1 };
}

function assertDiagnosticsInside(grids: readonly Grid[]): void {
  const reading = detectWorkbook(grids, { yearStartMonth: 4 });
  for (const d of reading.diagnostics) {
    if (d.cell === null) continue;
    const grid = grids.find((g) => g.sheet === d.sheet);
    assert.ok(grid, `diagnostic names a sheet that was read: ${d.sheet}`);
    const p = parseAddress(d.cell);
    assert.ok(p, `diagnostic cell is an A1 address: ${d.cell}`);
    const b = bounds(grid);
    assert.ok(p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right, `${d.cell} is inside ${grid.origin} (${d.message})`);
  }
  for (const i of reading.indicators) {
    for (const o of i.series) {
      for (const cell of Object.values(o.cells)) {
        const p = cell === undefined ? null : parseAddress(cell);
        assert.ok(p, `observation cell ${cell} is an A1 address`);
      }
      for (const v of [o.actual, o.target, o.floor, o.expected, o.lower, o.upper]) assert.ok(v === null || Number.isFinite(v));
    }
  }
}

describe("detectWorkbook on random grids", () => {
  it("never throws, and every diagnostic names a cell inside its grid", () => {
    fc.assert(
      fc.property(fc.uniqueArray(gridArb, { minLength: 1, maxLength: 3, selector: (g) => g.sheet }), (grids) => {
        assertDiagnosticsInside(grids);
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws on grids with a recognisable header, and keeps every cell inside the grid", () => {
    fc.assert(
      fc.property(tableArb, (grid) => {
        assertDiagnosticsInside([grid]);
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws on values of the wrong type", () => {
    const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.object(), fc.double(), fc.string(), fc.array(fc.integer()));
    fc.assert(
      fc.property(fc.array(fc.array(junk, { maxLength: 5 }), { maxLength: 5 }), fc.oneof(fc.constant("A1"), fc.string()), (rows, origin) => {
        const grid = { sheet: "Junk", origin, values: rows, numberFormat: rows } as unknown as Grid;
        const reading = detectWorkbook([grid], { yearStartMonth: 4 });
        assert.equal(reading.sheets.length, 1);
      }),
      { numRuns: 500 },
    );
  });
});
