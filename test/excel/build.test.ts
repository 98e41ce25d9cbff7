import { strict as assert } from "node:assert";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { buildDashboardInExcel, checkSupport, inspectWorkbook, removeSourceFormatting, saveSettingsToWorkbook, selectCell } from "../../src/excel/build";
import { dashboardRecordKey, settingsKey } from "../../src/excel/settings-store";
import { fakeExcelPerTest, type FakeExcel, type FakeExcelInit } from "./fake-excel";
import { generateWorkbookGrids } from "../../bench/generate";
import { kpiSheet, notesSheet } from "./sample-sheets";

const produced = "2012-10-15";

function withSettings(patch: Partial<Settings>): Settings {
  return { ...defaultSettings(), ...patch };
}

describe("build use cases in Excel", () => {
  const excel = fakeExcelPerTest();
  let fake: FakeExcel;
  const start = (init: FakeExcelInit): FakeExcel => (fake = excel.start(init));

  describe("round trips", () => {
    for (const count of [10, 1000]) {
      it(`builds with ${count} indicators in 4 round trips when every sheet is read, and 3 when the sheets are named`, async () => {
        start({ sheets: [kpiSheet(count), notesSheet()] });
        const first = await buildDashboardInExcel(defaultSettings(), { produced });
        assert.equal(first.roundTrips, 4);
        assert.equal(fake.stats.syncs, 4);
        fake.resetStats();
        const again = await buildDashboardInExcel(withSettings({ sheets: ["KPIs"] }), { produced });
        assert.equal(again.roundTrips, 3);
        assert.equal(fake.stats.syncs, 3);
        assert.ok(fake.stats.largestRequestBytes < 4_000_000);
        assert.equal(first.dashboard.indicators.length, count);
      });
    }

    for (const count of [10, 1000]) {
      it(`builds with trend charts for ${count} indicators in the same 4 and 3 round trips on desktop Excel, every chart in the write request`, async () => {
        start({ sheets: [kpiSheet(count), notesSheet()], platform: "desktop" });
        const first = await buildDashboardInExcel(withSettings({ charts: true }), { produced });
        assert.equal(first.roundTrips, 4);
        assert.equal(fake.stats.syncs, 4);
        const charts = fake.describeSheet("Dashboard").charts;
        assert.ok(charts.length > 0 && charts.length <= count, `${charts.length} charts`);
        assert.ok(charts.every((c) => c.series[1]?.lineStyle === "Dash" || c.series.length === 1));
        // The series read cells the write filled: the first result of the first chart is a number.
        const cells = fake.describeSheet("Dashboard").cells;
        const firstResult = charts[0]?.series[0]?.values?.split(":")[0] ?? "";
        assert.equal(typeof cells[firstResult]?.value, "number", `${firstResult} holds a result`);
        fake.resetStats();
        const again = await buildDashboardInExcel(withSettings({ charts: true, sheets: ["KPIs"] }), { produced });
        assert.equal(again.roundTrips, 3);
        assert.equal(fake.stats.syncs, 3);
        assert.equal(fake.describeSheet("Dashboard").charts.length, charts.length, "a rebuild replaces the charts rather than adding to them");
      });
    }

    it("splits the write of 1,000 indicators with charts on the web so every request stays within 4 MB, in as few requests as its bytes need", async () => {
      start({ sheets: [kpiSheet(1000), notesSheet()], platform: "web" });
      const first = await buildDashboardInExcel(withSettings({ charts: true, sheets: ["KPIs"] }), { produced });
      assert.ok(
        fake.stats.requests.every((r) => r.bytes <= 4_000_000 && r.failed === null),
        fake.stats.requests.map((r) => r.bytes).join(", "),
      );
      // The read, the write's requests, the swap (the clean-up the client sends after a run is not awaited).
      const writes = fake.stats.requests.slice(1, first.roundTrips - 1);
      const bytes = writes.reduce((n, r) => n + r.bytes, 0);
      assert.ok(writes.length >= 2, "the write does not fit one request");
      assert.equal(writes.length, Math.ceil(bytes / 4_000_000), `${writes.length} requests for ${bytes} bytes: no more than the bytes need`);
      assert.equal(fake.stats.syncs, first.roundTrips);
      assert.ok(fake.describeSheet("Dashboard").charts.length > 500);
    });

    it("queues no API call per indicator: at 2,000 at most twice those at 100, plus a few for each extra printed page", async () => {
      const calls = async (indicators: number): Promise<{ n: number; pages: number }> => {
        const grids = generateWorkbookGrids(indicators, 36);
        start({ sheets: grids.map((g) => ({ name: g.sheet, values: g.values, numberFormat: g.numberFormat, origin: g.origin })) });
        await buildDashboardInExcel(defaultSettings(), { produced });
        assert.equal(fake.stats.syncs, 4);
        return { n: fake.stats.apiCalls - fake.stats.chunkCalls, pages: fake.describeSheet("Dashboard").pageBreaks.length + 1 };
      };
      const small = await calls(100);
      const large = await calls(2000);
      // A page costs its break and its part of a table split over pages (the table: add, style,
      // banding, filter buttons and its range), and a share of the style lists: 10 at most.
      const perPage = 10;
      assert.ok(large.pages > small.pages * 5, "the large dashboard prints on many more pages");
      assert.ok(
        large.n <= 2 * small.n + perPage * (large.pages - small.pages),
        `${large.n} calls at 2,000 (${large.pages} pages) against ${small.n} at 100 (${small.pages} pages)`,
      );
      // A call per indicator would pass that bound: 1,900 more indicators, against the pages' allowance.
      assert.ok(1900 > perPage * (large.pages - small.pages) + small.n);
    });

    it("keeps the same round trips with source formatting on", async () => {
      start({ sheets: [kpiSheet(10)] });
      const r = await buildDashboardInExcel(withSettings({ sourceFormatting: true, sheets: ["KPIs"] }), { produced });
      assert.equal(r.roundTrips, 3);
    });
  });

  it("leaves every source-sheet value and number format as it was", async () => {
    start({ sheets: [kpiSheet(12), notesSheet()] });
    const before = { kpis: fake.describeSheet("KPIs"), notes: fake.describeSheet("Notes") };
    await buildDashboardInExcel(withSettings({ sourceFormatting: true }), { produced });
    const after = { kpis: fake.describeSheet("KPIs"), notes: fake.describeSheet("Notes") };
    assert.deepEqual(after.kpis.cells, before.kpis.cells);
    assert.deepEqual(after.kpis.numberFormats, before.kpis.numberFormats);
    assert.deepEqual(after.notes.cells, before.notes.cells);
  });

  it("puts the dashboard first, activates it and remembers it by worksheet id", async () => {
    start({ sheets: [kpiSheet(5)] });
    const r = await buildDashboardInExcel(defaultSettings(), { produced });
    assert.equal(r.sheetName, "Dashboard");
    assert.deepEqual(fake.sheetNames(), ["Dashboard", "KPIs"]);
    assert.equal(fake.activeSheetName(), "Dashboard");
    const record = JSON.parse(String(fake.settings()[dashboardRecordKey])) as { sheetId: string };
    assert.equal(record.sheetId, fake.sheet("Dashboard")?.id);
  });

  it("replaces its own previous dashboard in place, keeping the tab position", async () => {
    start({ sheets: [kpiSheet(5), notesSheet()] });
    await buildDashboardInExcel(defaultSettings(), { produced });
    const firstId = fake.sheet("Dashboard")?.id;
    await buildDashboardInExcel(defaultSettings(), { produced });
    assert.deepEqual(fake.sheetNames(), ["Dashboard", "KPIs", "Notes"]);
    assert.notEqual(fake.sheet("Dashboard")?.id, firstId);
  });

  it("never replaces a user's own sheet named Dashboard, writing to Dashboard (2) instead", async () => {
    start({ sheets: [kpiSheet(5), { name: "Dashboard", values: [["My own notes"]] }] });
    const r = await buildDashboardInExcel(withSettings({ sheets: ["KPIs"] }), { produced });
    assert.equal(r.sheetName, "Dashboard (2)");
    assert.deepEqual(fake.describeSheet("Dashboard").cells, { A1: { value: "My own notes", formula: null, numberFormat: "General", quotePrefix: false } });
    const again = await buildDashboardInExcel(withSettings({ sheets: ["KPIs"] }), { produced });
    assert.equal(again.sheetName, "Dashboard (2)");
    assert.deepEqual(fake.sheetNames().sort(), ["Dashboard", "Dashboard (2)", "KPIs"]);
  });

  it("leaves no staging sheet and the previous dashboard intact when the build fails while writing", async () => {
    start({ sheets: [kpiSheet(8)] });
    await buildDashboardInExcel(withSettings({ sheets: ["KPIs"] }), { produced });
    const before = fake.describeSheet("Dashboard");
    const names = fake.sheetNames();
    fake.resetStats();
    // The third request is the write; fail halfway through it.
    fake.failAt((call) => call.sync === 1 && call.api === "ConditionalFormatCollection.add");
    await assert.rejects(buildDashboardInExcel(withSettings({ sheets: ["KPIs"] }), { produced }), (e: Error) => {
      assert.match(e.message, /Nothing was replaced/);
      assert.doesNotMatch(e.message, /Injected|at /);
      return true;
    });
    assert.deepEqual(fake.sheetNames(), names);
    assert.deepEqual(fake.describeSheet("Dashboard"), before);
  });

  it("says to finish editing the cell when Excel is in cell-edit mode", async () => {
    start({ sheets: [kpiSheet(3)], cellEditMode: true });
    await assert.rejects(buildDashboardInExcel(defaultSettings(), { produced }), /Finish editing the cell \(press Enter or Esc\), then try again/);
    assert.deepEqual(fake.sheetNames(), ["KPIs"]);
  });

  it("reports steps in order", async () => {
    start({ sheets: [kpiSheet(3)] });
    const steps: string[] = [];
    await buildDashboardInExcel(withSettings({ sourceFormatting: true }), { produced, onProgress: (s) => steps.push(s) });
    assert.deepEqual(steps, ["reading", "rating", "writing", "formatting", "done"]);
  });

  describe("source formatting", () => {
    const userRule = { type: "Custom", range: "G4:L6", formula: "=G4>100", fill: "#0000FF", fontColor: null, bold: null, italic: null, stopIfTrue: false };

    it("adds marked RAG rules per block of result cells, and a rebuild replaces rather than duplicates them", async () => {
      start({ sheets: [{ ...kpiSheet(6), conditionalFormats: [userRule] }] });
      const settings = withSettings({ sourceFormatting: true, sheets: ["KPIs"] });
      await buildDashboardInExcel(settings, { produced });
      const rules = fake.describeSheet("KPIs").conditionalFormats;
      const ours = rules.filter((r) => r.formula?.includes('N("kpi-dashboard")'));
      assert.equal(ours.length, 3);
      assert.ok(ours.every((r) => r.range === "G4:L9"));
      assert.ok(
        ours.some((r) => r.formula?.includes("$D4")),
        "the polarity cell is referenced",
      );
      await buildDashboardInExcel(settings, { produced });
      assert.equal(fake.describeSheet("KPIs").conditionalFormats.length, 4);
    });

    it("removes only the add-in's rules, leaving the user's own", async () => {
      start({ sheets: [{ ...kpiSheet(6), conditionalFormats: [userRule] }] });
      await buildDashboardInExcel(withSettings({ sourceFormatting: true }), { produced });
      const removed = await removeSourceFormatting();
      assert.equal(removed, 3);
      assert.deepEqual(fake.describeSheet("KPIs").conditionalFormats, [userRule]);
    });

    it("skips a protected source sheet instead of failing the build", async () => {
      start({ sheets: [{ ...kpiSheet(4), protected: true }] });
      const r = await buildDashboardInExcel(withSettings({ sourceFormatting: true }), { produced });
      assert.equal(r.sheetName, "Dashboard");
      assert.deepEqual(fake.describeSheet("KPIs").conditionalFormats, []);
    });
  });

  describe("settings and inspection", () => {
    it("saves settings and reads them back on the next inspection", async () => {
      start({ sheets: [kpiSheet(4), notesSheet()] });
      const settings = withSettings({ title: "Customer & Communities", sheets: ["KPIs"], charts: true });
      await saveSettingsToWorkbook(settings);
      const inspection = await inspectWorkbook();
      assert.equal(inspection.settingsProblem, null);
      assert.deepEqual(inspection.settings, settings);
      assert.deepEqual(inspection.sheetNames, ["KPIs", "Notes"]);
      assert.equal(inspection.reading.indicators.length, 4);
      assert.equal(fake.stats.syncs, 1 + 2);
    });

    it("gives a message, and the defaults, when the saved settings are damaged", async () => {
      start({ sheets: [kpiSheet(2)], settings: { [settingsKey]: "{not json" } });
      const inspection = await inspectWorkbook();
      assert.match(inspection.settingsProblem ?? "", /damaged/);
      assert.deepEqual(inspection.settings, defaultSettings());
    });

    it("gives a message naming the field when a saved setting is invalid", async () => {
      start({ sheets: [kpiSheet(2)], settings: { [settingsKey]: JSON.stringify({ grouping: "colour" }) } });
      const inspection = await inspectWorkbook();
      assert.match(inspection.settingsProblem ?? "", /grouping/);
    });

    it("leaves the add-in's own dashboard out of the sheets inspected", async () => {
      start({ sheets: [kpiSheet(2)] });
      await buildDashboardInExcel(defaultSettings(), { produced });
      const inspection = await inspectWorkbook();
      assert.deepEqual(inspection.sheetNames, ["KPIs"]);
    });
  });

  it("selects a cell on its sheet", async () => {
    start({ sheets: [kpiSheet(2), notesSheet()] });
    await selectCell("Notes", "A2");
    assert.equal(fake.activeSheetName(), "Notes");
    assert.equal(fake.selection(), "Notes!A2");
  });

  it("says which Excel is needed when ExcelApi 1.9 is missing", () => {
    start({ sheets: [], apiVersion: "1.8" });
    const r = checkSupport();
    assert.equal(r.supported, false);
    assert.match(r.message ?? "", /Microsoft 365, Excel 2021 or later, or Excel on the web/);
    start({ sheets: [], apiVersion: "1.9" });
    assert.deepEqual(checkSupport(), { supported: true, message: null });
  });
});
