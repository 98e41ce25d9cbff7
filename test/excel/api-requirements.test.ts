import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultSettings } from "../../src/core/settings";
import { apiRequirements, normaliseApiKey } from "../../src/excel/api-requirements";
import { buildDashboardInExcel, inspectWorkbook, removeSourceFormatting, saveSettingsToWorkbook, selectCell } from "../../src/excel/build";
import { writeSheetPlan } from "../../src/excel/dashboard-writer";
import { readGridsInBlocks } from "../../src/excel/workbook-reader";
import { createFakeExcel } from "./fake-excel";
import { smallPlan } from "./small-plan";
import { kpiSheet } from "./sample-sheets";

function manifestMinVersion(): string {
  const path = join(__dirname, "..", "..", "manifest.xml");
  if (!existsSync(path)) return "1.9";
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(readFileSync(path, "utf8"));
  return m?.[1] ?? "1.9";
}

function atMost(version: string, max: string): boolean {
  const a = version.split(".").map(Number);
  const b = max.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return true;
}

describe("Excel API requirement sets", () => {
  it("lists every Excel API the adapter uses, none above the manifest's ExcelApi set", async () => {
    const fake = createFakeExcel({ sheets: [kpiSheet(12)] });
    const uninstall = fake.install();
    try {
      const settings = { ...defaultSettings(), sourceFormatting: true, charts: true };
      await inspectWorkbook();
      await buildDashboardInExcel(settings, { produced: "2012-10-01" });
      await buildDashboardInExcel({ ...settings, sheets: ["KPIs"] }, { produced: "2012-10-01" });
      await selectCell("KPIs", "B4");
      await removeSourceFormatting();
      await saveSettingsToWorkbook(settings);
      // A hand-made plan exercises what the generated one may not: charts, frozen columns, page breaks.
      await fake.Excel.run(async (context: Excel.RequestContext) => {
        const ws = context.workbook.worksheets.add("Plan");
        await writeSheetPlan(context, ws, smallPlan());
        const plan = smallPlan();
        const other = context.workbook.worksheets.add("Plan 2");
        await writeSheetPlan(context, other, { ...plan, freeze: { rows: 0, columns: 1 }, styles: [...plan.styles, { range: "A1", style: { italic: true } }] });
        await context.sync();
        // The reader's fallback for sheets too large to read at once.
        await readGridsInBlocks(context, ["KPIs"]);
      });
    } finally {
      uninstall();
    }
    const used = Object.keys(fake.stats.apis).map(normaliseApiKey);
    const missing = used.filter((k) => !(k in apiRequirements));
    assert.deepEqual(missing, [], "every API used is in the table");
    const unused = Object.keys(apiRequirements).filter((k) => !k.startsWith("Office.") && !used.includes(k));
    assert.deepEqual(unused, [], "and nothing else");
    const max = manifestMinVersion();
    const tooNew = Object.entries(apiRequirements).filter(([, set]) => set !== "common" && !atMost(set, max));
    assert.deepEqual(tooNew, []);
    assert.ok(used.includes("ChartSeries.setValues") && used.includes("PageBreakCollection.add"));
  });

  it("would catch an API above 1.9", () => {
    assert.equal(atMost("1.14", "1.9"), false);
    assert.equal(atMost("1.9", "1.9"), true);
  });
});
