import { strict as assert } from "node:assert";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { buildDashboardInExcel, inspectWorkbook } from "../../src/excel/build";
import { planSourceFormatting } from "../../src/excel/source-formatting";
import { detectWorkbook } from "../../src/core/detection";
import type { CellValue } from "../../src/core/grid";
import { fakeExcelPerTest } from "./fake-excel";
import { kpiSheet, notesSheet } from "./sample-sheets";

/** The add-in on the same hostile input as the command line: the same sheets read, the same words. */

const produced = "2012-10-15";

function withSettings(patch: Partial<Settings>): Settings {
  return { ...defaultSettings(), ...patch };
}

describe("the add-in on hostile and huge input", () => {
  const excel = fakeExcelPerTest();

  describe("hidden sheets, as the command line treats them", () => {
    it("reads no hidden or very hidden sheet unless the settings name it, and says which it left out", async () => {
      excel.start({
        sheets: [kpiSheet(3), { ...kpiSheet(2, "Old KPIs"), visibility: "Hidden" }, { ...notesSheet(), name: "Lookup", visibility: "VeryHidden" }],
      });
      const r = await buildDashboardInExcel(defaultSettings(), { produced });
      assert.equal(r.dashboard.indicators.length, 3);
      assert.ok(r.dashboard.indicators.every((i) => i.sheet === "KPIs"));
      const hidden = r.dashboard.diagnostics.filter((d) => d.code === "sheet-hidden").map((d) => d.sheet);
      assert.deepEqual(hidden, ["Old KPIs", "Lookup"]);
    });

    it("reads a hidden sheet the settings name", async () => {
      excel.start({ sheets: [kpiSheet(3), { ...kpiSheet(2, "Old KPIs"), visibility: "Hidden" }] });
      const r = await buildDashboardInExcel(withSettings({ sheets: ["KPIs", "Old KPIs"] }), { produced });
      assert.equal(r.dashboard.indicators.length, 5);
      assert.deepEqual(
        r.dashboard.diagnostics.filter((d) => d.code === "sheet-hidden"),
        [],
      );
    });

    it("says on inspection which hidden sheets it leaves out", async () => {
      excel.start({ sheets: [kpiSheet(3), { ...kpiSheet(2, "Old KPIs"), visibility: "Hidden" }] });
      const inspection = await inspectWorkbook();
      assert.deepEqual(
        inspection.reading.diagnostics.filter((d) => d.code === "sheet-hidden").map((d) => d.sheet),
        ["Old KPIs"],
      );
    });
  });

  describe("a stray cell that stretches the used range", function () {
    this.timeout(30_000);

    it("does not try to read a used range running to XFD1048576: it names the sheet and the far cell, and reads the others", async () => {
      const fake = excel.start({ sheets: [kpiSheet(4), { ...kpiSheet(3, "Returns"), cells: { XFD1048576: "x" } }] });
      const r = await buildDashboardInExcel(defaultSettings(), { produced });
      assert.deepEqual([...new Set(r.dashboard.indicators.map((i) => i.sheet))], ["KPIs"]);
      const d = r.dashboard.diagnostics.find((x) => x.code === "sheet-too-large");
      assert.equal(d?.sheet, "Returns");
      assert.match(d?.message ?? "", /XFD1048576/);
      assert.ok(fake.stats.syncs <= 8, `${fake.stats.syncs} round trips`);
    });

    it("keeps the 4 round trips of a normal build when no sheet is too large", async () => {
      const fake = excel.start({ sheets: [kpiSheet(4), { ...kpiSheet(3, "Returns"), cells: { Z200: "x" } }] });
      await buildDashboardInExcel(defaultSettings(), { produced });
      assert.equal(fake.stats.syncs, 4);
    });
  });

  it("plans source formatting for a sheet of 130,000 KPI rows without a stack overflow", () => {
    const rows: CellValue[][] = [["Ref", "Indicator", "Polarity", "Target", "Floor", "Apr-12"]];
    for (let i = 0; i < 130_000; i++) rows.push([`R${i}`, `Indicator ${i}`, i % 2 ? "Lower" : "Higher", 10, 12, 11]);
    const reading = detectWorkbook([{ sheet: "Big", origin: "A1", values: rows, numberFormat: rows.map((r) => r.map(() => "General")) }], {
      yearStartMonth: 4,
    });
    const blocks = planSourceFormatting(reading, defaultSettings().rules);
    assert.ok(blocks.length > 0);
    assert.ok(blocks.every((b) => b.sheet === "Big"));
  });
});
