import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { ACTIVITY_SHEET, KPI_HEADER_ROW, KPI_SHEET, generateWorkbookGrids, writeGeneratedWorkbook } from "../../bench/generate";
import type { CellValue, Grid } from "../../src/core/grid";

/** The grid with the given sheet name, failing the test when it is missing. */
function sheet(grids: readonly Grid[], name: string): Grid {
  const grid = grids.find((g) => g.sheet === name);
  assert.ok(grid, `no sheet ${name}`);
  return grid;
}

/** Result cells: the month columns of the KPI sheet and the Actual column of the activity sheet. */
function resultCells(grids: readonly Grid[], periods: number): CellValue[] {
  const kpi = sheet(grids, KPI_SHEET);
  const activity = sheet(grids, ACTIVITY_SHEET);
  const fromKpi = kpi.values.slice(KPI_HEADER_ROW).flatMap((row) => row.slice(6, 6 + periods));
  const fromActivity = activity.values.slice(1).map((row) => row[4] ?? "");
  return [...fromKpi, ...fromActivity];
}

describe("generateWorkbookGrids", () => {
  it("puts three KPIs to one activity indicator: 75 KPI rows and 25 × 12 activity rows for 100 indicators", () => {
    const grids = generateWorkbookGrids(100, 12);
    const kpi = sheet(grids, KPI_SHEET);
    const activity = sheet(grids, ACTIVITY_SHEET);
    assert.equal(kpi.values.length, KPI_HEADER_ROW + 75);
    assert.equal(activity.values.length, 1 + 25 * 12);
  });

  it("lays the KPI sheet out wide: six fixed columns, one per month, then Commentary", () => {
    const kpi = sheet(generateWorkbookGrids(8, 24), KPI_SHEET);
    const header = kpi.values[KPI_HEADER_ROW - 1] ?? [];
    assert.equal(header.length, 6 + 24 + 1);
    assert.deepEqual(header.slice(0, 6), ["Ref", "Indicator", "Service Area", "Polarity", "Target", "Floor Standard"]);
    assert.equal(header[6 + 24], "Commentary");
    // 40269 is Excel's serial for 1 April 2010; 40603 for 1 March 2011, the twelfth month.
    assert.equal(header[6], 40269);
    assert.equal(header[6 + 11], 40603);
    assert.equal(kpi.numberFormat[KPI_HEADER_ROW - 1]?.[6], "mmm-yy");
  });

  it("keeps values and number formats the same shape, every row as wide as the header", () => {
    for (const grid of generateWorkbookGrids(40, 18)) {
      const width = grid.values[0]?.length;
      assert.equal(grid.numberFormat.length, grid.values.length, grid.sheet);
      grid.values.forEach((row, r) => {
        assert.equal(row.length, width, `${grid.sheet} row ${r + 1}`);
        assert.equal(grid.numberFormat[r]?.length, width, `${grid.sheet} formats row ${r + 1}`);
      });
    }
  });

  it("mixes polarities and formats percentages as fractions", () => {
    const kpi = sheet(generateWorkbookGrids(100, 6), KPI_SHEET);
    const rows = kpi.values.slice(KPI_HEADER_ROW);
    const polarities = new Set(rows.map((row) => row[3]));
    assert.deepEqual([...polarities].sort(), ["Higher", "Lower"]);
    const percentRow = kpi.numberFormat.slice(KPI_HEADER_ROW).findIndex((f) => f[4] === "0.0%");
    assert.ok(percentRow >= 0);
    const target = rows[percentRow]?.[4];
    assert.ok(typeof target === "number" && target > 0 && target < 1);
  });

  it("puts floors on the worse side of targets", () => {
    const kpi = sheet(generateWorkbookGrids(200, 3), KPI_SHEET);
    for (const row of kpi.values.slice(KPI_HEADER_ROW)) {
      const [ref, , , polarity, target, floor] = row;
      assert.ok(typeof target === "number" && typeof floor === "number", String(ref));
      if (polarity === "Higher") assert.ok(floor < target, String(ref));
      else assert.ok(floor > target, String(ref));
    }
  });

  it("leaves about 3% of results empty or n/a", () => {
    const periods = 24;
    const cells = resultCells(generateWorkbookGrids(400, periods), periods);
    const empty = cells.filter((v) => v === "").length;
    const na = cells.filter((v) => v === "n/a").length;
    assert.ok(empty > 0 && na > 0, `empty ${empty}, n/a ${na}`);
    const rate = (empty + na) / cells.length;
    assert.ok(rate > 0.02 && rate < 0.04, `gap rate ${rate}`);
  });

  it("gives the same grids for the same seed and different ones for another seed", () => {
    assert.deepEqual(generateWorkbookGrids(50, 12, 7), generateWorkbookGrids(50, 12, 7));
    assert.notDeepEqual(generateWorkbookGrids(50, 12, 7), generateWorkbookGrids(50, 12, 8));
  });

  it("generates 10,000 indicators over 36 months as 7,500 KPI rows and 2,500 × 36 activity rows", () => {
    // Speed is reported by `npm run bench`, not asserted here.
    const grids = generateWorkbookGrids(10_000, 36);
    assert.equal(sheet(grids, KPI_SHEET).values.length, KPI_HEADER_ROW + 7_500);
    assert.equal(sheet(grids, ACTIVITY_SHEET).values.length, 1 + 2_500 * 36);
  });
});

describe("writeGeneratedWorkbook", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "generate-test-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the generated grids to an .xlsx that reads back with the same cells", async () => {
    const path = join(dir, "generated.xlsx");
    await writeGeneratedWorkbook(path, 20, 6, 11);
    const grids = generateWorkbookGrids(20, 6, 11);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    assert.deepEqual(
      wb.worksheets.map((ws) => ws.name),
      [KPI_SHEET, ACTIVITY_SHEET],
    );
    const kpi = sheet(grids, KPI_SHEET);
    const ws = wb.getWorksheet(KPI_SHEET);
    assert.ok(ws);
    assert.equal(ws.rowCount, kpi.values.length);
    const row = KPI_HEADER_ROW + 1;
    assert.equal(ws.getCell(row, 1).value, kpi.values[row - 1]?.[0]);
    assert.equal(ws.getCell(row, 5).value, kpi.values[row - 1]?.[4]);
    assert.equal(ws.getCell(row, 5).numFmt, kpi.numberFormat[row - 1]?.[4]);
    assert.equal(ws.getCell(KPI_HEADER_ROW, 7).numFmt, "mmm-yy");
  });
});
