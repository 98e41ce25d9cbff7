import { strict as assert } from "node:assert";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { buildDashboardInExcel, inspectWorkbook, saveSettingsToWorkbook } from "../../src/excel/build";
import { isAddinRule, ruleMarker } from "../../src/excel/source-formatting";
import { settingsKey } from "../../src/excel/settings-store";
import { fakeExcelPerTest, type FakeConditionalFormat, type FakeExcel, type FakeExcelInit } from "./fake-excel";
import { generateWorkbookGrids } from "../../bench/generate";
import { kpiSheet } from "./sample-sheets";

const produced = "2012-10-15";

function withSettings(patch: Partial<Settings>): Settings {
  return { ...defaultSettings(), ...patch };
}

const userRule = (n: number): FakeConditionalFormat => ({
  type: "Custom",
  range: "G4:L6",
  formula: `=G4>${n}`,
  fill: "#0000FF",
  fontColor: null,
  bold: null,
  italic: null,
  stopIfTrue: false,
});

/** A rule the add-in made on an earlier build (its formula carries the marker). */
const addinRule = (n: number): FakeConditionalFormat => ({ ...userRule(n), range: "G4:L9", formula: `=AND(G4>${n},${ruleMarker})`, fill: "#C6EFCE" });

describe("rebuilding a dashboard in Excel", () => {
  const excel = fakeExcelPerTest();
  let fake: FakeExcel;
  const start = (init: FakeExcelInit): FakeExcel => (fake = excel.start(init));

  describe("source colouring", () => {
    it("keeps every user rule, in its order, when the add-in's rules are interleaved with them, build after build", async () => {
      const users = [userRule(1), userRule(2), userRule(3)];
      start({ sheets: [{ ...kpiSheet(6), conditionalFormats: [users[0]!, addinRule(1), users[1]!, addinRule(2), users[2]!, addinRule(3)] }] });
      const settings = withSettings({ sourceFormatting: true, sheets: ["KPIs"] });
      for (let build = 1; build <= 2; build++) {
        const r = await buildDashboardInExcel(settings, { produced });
        assert.deepEqual(r.warnings, []);
        const rules = fake.describeSheet("KPIs").conditionalFormats;
        assert.deepEqual(
          rules.filter((c) => !isAddinRule(c.formula)),
          users,
          `build ${build}: the user's rules are all there, in their order`,
        );
        assert.equal(rules.filter((c) => isAddinRule(c.formula)).length, 3, `build ${build}: one set of the add-in's rules`);
      }
    });

    it("skips colouring a sheet whose rules Excel cannot read, and says so, without failing the build", async () => {
      const odd = { ...userRule(1), unreadable: true };
      start({ sheets: [{ ...kpiSheet(4), conditionalFormats: [odd] }, kpiSheet(3, "More KPIs")] });
      const r = await buildDashboardInExcel(withSettings({ sourceFormatting: true }), { produced });
      assert.equal(r.sheetName, "Dashboard");
      assert.equal(r.dashboard.indicators.length, 7);
      assert.equal(r.warnings.length, 1);
      assert.match(r.warnings[0] ?? "", /KPIs/);
      assert.match(r.warnings[0] ?? "", /not coloured/);
      assert.deepEqual(fake.describeSheet("KPIs").conditionalFormats, [odd], "the sheet with the odd rule is left alone");
      assert.equal(fake.describeSheet("More KPIs").conditionalFormats.filter((c) => isAddinRule(c.formula)).length, 3, "the other sheet is coloured");
    });

    it("says the new dashboard is in place and the settings saved when only the colouring fails", async () => {
      start({ sheets: [kpiSheet(5)] });
      const settings = withSettings({ sourceFormatting: true, sheets: ["KPIs"], title: "Customer & Communities" });
      await buildDashboardInExcel(withSettings({ sheets: ["KPIs"] }), { produced });
      const oldId = fake.sheet("Dashboard")?.id;
      fake.resetStats();
      // The source sheets' rules carry the marker; the dashboard's own alert rules do not.
      fake.failAt((call) => call.api === "ConditionalFormatRule.formula" && String(call.args).includes("kpi-dashboard"));
      const r = await buildDashboardInExcel(settings, { produced });
      assert.notEqual(fake.sheet("Dashboard")?.id, oldId, "the new dashboard replaced the old one");
      assert.deepEqual(fake.sheetNames(), ["Dashboard", "KPIs"], "no staging sheet is left");
      assert.deepEqual(JSON.parse(String(fake.settings()[settingsKey])), settings, "the settings were saved");
      assert.equal(r.warnings.length, 1);
      assert.match(r.warnings[0] ?? "", /dashboard is in place/i);
      assert.match(r.warnings[0] ?? "", /colour/i);
      assert.doesNotMatch(r.warnings[0] ?? "", /Nothing was replaced/);
    });
  });

  describe("sheets the add-in made", () => {
    it("replaces an old dashboard that was made VeryHidden", async () => {
      start({ sheets: [kpiSheet(4)] });
      await buildDashboardInExcel(withSettings({ sheets: ["KPIs"] }), { produced });
      const old = fake.sheet("Dashboard");
      if (old) old.visibility = "VeryHidden";
      const r = await buildDashboardInExcel(withSettings({ sheets: ["KPIs"] }), { produced });
      assert.equal(r.sheetName, "Dashboard");
      assert.deepEqual(fake.sheetNames(), ["Dashboard", "KPIs"]);
      assert.equal(fake.describeSheet("Dashboard").visibility, "Visible");
    });

    it("never reads a dashboard it made as indicator data, even after the user renamed it", async () => {
      start({ sheets: [kpiSheet(4)] });
      const counts: number[] = [];
      for (let build = 1; build <= 3; build++) {
        const r = await buildDashboardInExcel(defaultSettings(), { produced });
        counts.push(r.dashboard.indicators.length);
        assert.ok(
          r.dashboard.diagnostics.every((d) => d.sheet === "KPIs" || d.sheet === null),
          `build ${build} read only KPIs`,
        );
        const made = fake.sheet("Dashboard");
        if (build === 1 && made) made.name = "My copy";
      }
      assert.deepEqual(counts, [4, 4, 4]);
      const inspection = await inspectWorkbook();
      assert.deepEqual(inspection.sheetNames, ["KPIs"]);
    });

    it("refuses a dashboard sheet name Excel would refuse, before writing anything", async () => {
      start({ sheets: [kpiSheet(3)] });
      await assert.rejects(buildDashboardInExcel(withSettings({ dashboardSheet: "Q1: results" }), { produced }), /sheet name/i);
      assert.deepEqual(fake.sheetNames(), ["KPIs"]);
    });
  });

  describe("saved settings", () => {
    it("keeps fields a newer version saved, which this version does not know", async () => {
      const stored = { ...defaultSettings(), title: "Parks", futureOption: { on: true }, rules: { ...defaultSettings().rules, futureRule: 3 } };
      start({ sheets: [kpiSheet(3)], settings: { [settingsKey]: JSON.stringify(stored) } });
      const inspection = await inspectWorkbook();
      assert.equal(inspection.settingsProblem, null);
      await buildDashboardInExcel({ ...inspection.settings, title: "Parks and gardens" }, { produced });
      const after = JSON.parse(String(fake.settings()[settingsKey])) as Record<string, unknown>;
      assert.equal(after["title"], "Parks and gardens");
      assert.deepEqual(after["futureOption"], { on: true });
      assert.equal((after["rules"] as Record<string, unknown>)["futureRule"], 3);
      await saveSettingsToWorkbook({ ...inspection.settings, charts: true });
      const saved = JSON.parse(String(fake.settings()[settingsKey])) as Record<string, unknown>;
      assert.deepEqual(saved["futureOption"], { on: true }, "an explicit save keeps them too");
    });

    it("never overwrites saved settings it could not read, and says so", async () => {
      const damaged = JSON.stringify({ grouping: "by owner", title: "Parks" });
      start({ sheets: [kpiSheet(3)], settings: { [settingsKey]: damaged } });
      const inspection = await inspectWorkbook();
      assert.match(inspection.settingsProblem ?? "", /grouping/);
      const r = await buildDashboardInExcel(inspection.settings, { produced });
      assert.equal(fake.settings()[settingsKey], damaged, "the saved value is as it was");
      assert.equal(r.warnings.length, 1);
      assert.match(r.warnings[0] ?? "", /saved settings/i);
    });
  });

  describe("Excel on the web's 5 MB limit", () => {
    it("builds 3,000 indicators with charts and source colouring on the web, every request within 4 MB", async function () {
      this.timeout(120_000);
      const grids = generateWorkbookGrids(3000, 36);
      start({ sheets: grids.map((g) => ({ name: g.sheet, values: g.values, numberFormat: g.numberFormat, origin: g.origin })), platform: "web" });
      const settings = withSettings({ charts: true, sourceFormatting: true });
      const first = await buildDashboardInExcel(settings, { produced });
      const requests = fake.stats.requests;
      assert.ok(
        requests.every((q) => q.bytes <= 4 * 1024 * 1024),
        `largest request ${requests.reduce((m, q) => Math.max(m, q.bytes), 0)} bytes`,
      );
      assert.ok(
        requests.every((q) => q.failed === null || q.failed === "ResponsePayloadSizeLimitExceeded"),
        "only a too-large read is refused, and retried in blocks",
      );
      assert.ok(fake.describeSheet("Dashboard").charts.length > 1000);
      assert.equal(first.dashboard.indicators.length, 3000);
    });
  });
});
