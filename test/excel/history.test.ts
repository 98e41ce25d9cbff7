import { strict as assert } from "node:assert";
import { historySheetName, parseHistory, recordSnapshot, serialiseHistory, snapshotOf } from "../../src/core/history";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { buildDashboardInExcel, clearReportHistory, inspectWorkbook, markAsReported } from "../../src/excel/build";
import { historyChunkLength, historyFromCells, historyToCells } from "../../src/excel/history-store";
import { runPipeline } from "../../src/core/pipeline";
import { fakeExcelPerTest, type FakeExcel, type FakeExcelInit } from "./fake-excel";
import { kpiSheet, notesSheet } from "./sample-sheets";

const produced = "2012-10-15";

function withSettings(patch: Partial<Settings>): Settings {
  return { ...defaultSettings(), ...patch };
}

/** The history text as the host holds it in the store's column A. */
function storedText(fake: FakeExcel): string {
  const cells = fake.describeSheet(historySheetName).cells;
  return Object.keys(cells)
    .filter((a) => /^A\d+$/.test(a))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .map((a) => String(cells[a]?.value ?? "").slice(1))
    .join("");
}

/** Changes one cell of a sheet, as an analyst typing would. */
async function typeInto(fake: FakeExcel, sheet: string, address: string, value: number): Promise<void> {
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await ctx.sync();
  });
}

describe("the report history in Excel", () => {
  const excel = fakeExcelPerTest();
  let fake: FakeExcel;
  const start = (init: FakeExcelInit): FakeExcel => (fake = excel.start(init));

  it("records every build when the setting is on, on a VeryHidden sheet, in the same 4 and 3 round trips", async () => {
    start({ sheets: [kpiSheet(10), notesSheet()] });
    const first = await buildDashboardInExcel(withSettings({ recordEveryBuild: true, period: "2012-08" }), {
      produced,
      recordedAt: "2012-09-10T09:00:00.000Z",
    });
    assert.equal(first.roundTrips, 4);
    assert.equal(fake.stats.syncs, 4);
    assert.match(first.recorded ?? "", /Recorded as the report of August 2012 \(1 report kept\)/);
    assert.equal(fake.sheet(historySheetName)?.visibility, "VeryHidden");
    assert.deepEqual(fake.sheetNames(), ["Dashboard", "KPIs", "Notes", historySheetName]);
    const reading = parseHistory(storedText(fake));
    assert.equal(reading.problem, null);
    assert.deepEqual(
      reading.history?.snapshots.map((s) => [s.cutoff, s.recorded, s.indicators.length]),
      [["2012-08", "2012-09-10T09:00:00.000Z", 10]],
    );

    fake.resetStats();
    const again = await buildDashboardInExcel(withSettings({ recordEveryBuild: true, period: "2012-09", sheets: ["KPIs"] }), { produced });
    assert.equal(again.roundTrips, 3);
    assert.equal(fake.stats.syncs, 3);
    assert.equal(parseHistory(storedText(fake)).history?.snapshots.length, 2);
  });

  it("adds nothing to the history on a trial build, with the setting off", async () => {
    start({ sheets: [kpiSheet(10), notesSheet()] });
    const result = await buildDashboardInExcel(defaultSettings(), { produced });
    assert.equal(result.recorded, null);
    assert.equal(fake.sheet(historySheetName), undefined);
  });

  it("marks a built dashboard as reported, then shows the next month's changes and a revised figure, still in 4 round trips", async () => {
    start({ sheets: [kpiSheet(10), notesSheet()] });
    const august = await buildDashboardInExcel(withSettings({ period: "2012-08" }), { produced });
    fake.resetStats();
    const words = await markAsReported(august.dashboard, withSettings({ period: "2012-08" }), "2012-09-10T09:00:00.000Z");
    assert.equal(fake.stats.syncs, 2, "read the history, write it");
    assert.match(words, /Recorded as the report of August 2012/);

    // KPI 1's August result (row 4, column K) is revised after the report went out.
    const kpi1 = august.dashboard.indicators.find((i) => i.ref === "KPI 1");
    assert.equal(kpi1?.cells.actual, "K4");
    await typeInto(fake, "KPIs", "K4", 12);
    fake.resetStats();
    const september = await buildDashboardInExcel(withSettings({ period: "2012-09" }), { produced });
    assert.equal(september.roundTrips, 4);
    assert.equal(september.dashboard.changes.since?.cutoff, "2012-08");
    const revision = september.dashboard.revisions.find((r) => r.ref === "KPI 1" && r.field === "result");
    assert.equal(revision?.text, `Aug 2012 result revised from ${kpi1?.actual} to 12 since the report of August 2012`);
    assert.equal(september.dashboard.indicators.find((i) => i.ref === "KPI 1")?.sinceLastReport?.revised, true);

    // The dashboard sheet says so, and the pane's link for the row goes to the row.
    const cells = fake.describeSheet("Dashboard").cells;
    const texts = Object.values(cells).map((c) => String(c.value));
    assert.ok(texts.includes("Since the report of August 2012"));
    assert.ok(texts.some((t) => t.includes(revision?.text ?? "?")));
    const row = september.rows[september.dashboard.indicators[0]?.id ?? ""];
    assert.equal(cells[`A${row}`]?.value, "KPI 1");
  });

  it("never reads the history sheet as indicator data, even when the settings name it", async () => {
    start({ sheets: [kpiSheet(10), notesSheet()] });
    const built = await buildDashboardInExcel(defaultSettings(), { produced });
    await markAsReported(built.dashboard, defaultSettings());
    const inspection = await inspectWorkbook();
    assert.deepEqual(inspection.sheetNames, ["KPIs", "Notes"]);
    const named = await buildDashboardInExcel(withSettings({ sheets: ["KPIs", historySheetName] }), { produced });
    assert.equal(named.dashboard.indicators.length, 10);
    const all = await buildDashboardInExcel(defaultSettings(), { produced });
    assert.equal(all.dashboard.indicators.length, 10);
  });

  it("keeps a history it cannot read as it is, says so, and records nothing over it", async () => {
    start({ sheets: [kpiSheet(10), notesSheet(), { name: historySheetName, values: [["|{edited by hand"]], visibility: "VeryHidden" }] });
    const built = await buildDashboardInExcel(withSettings({ recordEveryBuild: true }), { produced });
    assert.ok(
      built.warnings.some((w) => /not recorded in the report history: .*damaged/.test(w)),
      built.warnings.join("\n"),
    );
    assert.ok(built.dashboard.diagnostics.some((d) => d.code === "history-unreadable"));
    await assert.rejects(markAsReported(built.dashboard, defaultSettings()), /Not recorded: .*damaged/);
    assert.equal(fake.describeSheet(historySheetName).cells["A1"]?.value, "|{edited by hand");
  });

  it("does not take a sheet of that name it did not write for its history", async () => {
    start({ sheets: [kpiSheet(10), { name: historySheetName, values: [["Budget notes"], [42]], visibility: "Hidden" }] });
    const built = await buildDashboardInExcel(defaultSettings(), { produced });
    await assert.rejects(markAsReported(built.dashboard, defaultSettings()), /holds something the add-in did not write \(cell A1\)/);
    assert.equal(fake.describeSheet(historySheetName).cells["A2"]?.value, 42);
  });

  it("starts this workbook's own history over one copied from another council's workbook", async () => {
    start({ sheets: [kpiSheet(10), notesSheet()] });
    const settings = withSettings({ period: "2012-08", directorate: "Another Council" });
    const theirs = runPipeline([], settings, produced).dashboard;
    const history = recordSnapshot(null, snapshotOf({ ...theirs, cutoff: "2012-07" }, settings, "2012-08-10T00:00:00.000Z"), {
      title: settings.title,
      directorate: "Another Council",
    }).history;
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add(historySheetName);
      const cells = historyToCells(history);
      ws.getRangeByIndexes(0, 0, cells.length, 1).values = cells;
      ws.visibility = "VeryHidden";
      await ctx.sync();
    });
    const ours = await buildDashboardInExcel(withSettings({ period: "2012-08", directorate: "Customer & Communities" }), { produced });
    assert.equal(ours.dashboard.changes.since, null);
    assert.ok(ours.dashboard.diagnostics.some((d) => d.code === "history-of-another-dashboard"));
    const words = await markAsReported(ours.dashboard, withSettings({ period: "2012-08", directorate: "Customer & Communities" }));
    assert.match(words, /recorded for "Performance Dashboard" \(Another Council\).*starts this workbook's own history/);
    const stored = parseHistory(storedText(fake)).history;
    assert.deepEqual(stored?.owner, { title: "Performance Dashboard", directorate: "Customer & Communities" });
    assert.deepEqual(
      stored?.snapshots.map((s) => s.cutoff),
      ["2012-08"],
    );
  });

  it("splits a large history into cells Excel accepts and reads it back whole", async () => {
    start({ sheets: [kpiSheet(1000), notesSheet()], platform: "web" });
    let settings = withSettings({ recordEveryBuild: true, sheets: ["KPIs"] });
    for (const period of ["2012-04", "2012-05", "2012-06", "2012-07", "2012-08", "2012-09"]) {
      settings = { ...settings, period };
      const result = await buildDashboardInExcel(settings, { produced });
      assert.equal(result.roundTrips, 3, period);
    }
    const cells = fake.describeSheet(historySheetName).cells;
    const pieces = Object.keys(cells).filter((a) => /^A\d+$/.test(a));
    assert.ok(pieces.length > 1, `${pieces.length} cells`);
    assert.ok(Object.values(cells).every((c) => String(c.value).length <= historyChunkLength + 1 && c.numberFormat === "@"));
    assert.equal(parseHistory(storedText(fake)).history?.snapshots.length, 6);
    assert.deepEqual(historyFromCells([["|{"], [""], ["|}"]]).problem?.includes("damaged") ?? false, false, "blank rows between pieces are skipped");
  });

  it("clears the history when asked, VeryHidden as it is", async () => {
    start({ sheets: [kpiSheet(10), notesSheet()] });
    const built = await buildDashboardInExcel(defaultSettings(), { produced });
    await markAsReported(built.dashboard, defaultSettings());
    assert.equal(await clearReportHistory(), true);
    assert.equal(fake.sheet(historySheetName), undefined);
    assert.deepEqual(fake.sheetNames(), ["Dashboard", "KPIs", "Notes"]);
    assert.equal(await clearReportHistory(), false);
    assert.equal(serialiseHistory({ owner: { title: "", directorate: "" }, snapshots: [] }).length > 0, true);
  });
});
