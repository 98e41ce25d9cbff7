import { strict as assert } from "node:assert";
import { generateWorkbookGrids } from "../../bench/generate";
import { runPipeline } from "../../src/core/pipeline";
import { defaultSettings } from "../../src/core/settings";
import type { SheetPlan } from "../../src/core/sheet-plan";
import { writeSheetPlan } from "../../src/excel/dashboard-writer";
import { createFakeExcel, type FakeRequest } from "./fake-excel";

/** Writes `plan` through Microsoft's client with a request budget; the requests as the host measured them. */
async function write(plan: SheetPlan, maxRequestBytes: number): Promise<FakeRequest[]> {
  const fake = createFakeExcel({ sheets: [{ name: "Data", values: [["x"]] }], platform: "desktop" });
  await fake.Excel.run(async (context: Excel.RequestContext) => {
    const ws = context.workbook.worksheets.add("Out");
    await writeSheetPlan(context, ws, plan, { maxRequestBytes });
    await context.sync();
  });
  return fake.stats.requests;
}

function generatedPlan(indicators: number): SheetPlan {
  const grids = generateWorkbookGrids(indicators, 36);
  return runPipeline(grids, { ...defaultSettings(), charts: true }, "2012-10-15").plan;
}

/** One kind of call alone: the plan's values, print setup and only the named part. */
function only(plan: SheetPlan, part: "styles" | "conditionalFormats" | "charts" | "merges" | "rowHeights"): SheetPlan {
  return {
    ...plan,
    styles: part === "styles" ? plan.styles : [],
    conditionalFormats: part === "conditionalFormats" ? plan.conditionalFormats : [],
    charts: part === "charts" ? plan.charts : [],
    merges: part === "merges" ? plan.merges : [],
    rowHeights: part === "rowHeights" ? plan.rowHeights : [],
  };
}

describe("the writer's request budget, measured on the real serialized requests", () => {
  const plan = generatedPlan(300);

  for (const part of ["styles", "conditionalFormats", "charts", "merges", "rowHeights"] as const) {
    it(`keeps every request within the budget, and splits no more than it must, for ${part}`, async function () {
      this.timeout(30_000);
      const budget = 120_000;
      const requests = await write(only(plan, part), budget);
      const total = requests.reduce((n, r) => n + r.bytes, 0);
      assert.ok(
        requests.every((r) => r.bytes <= budget),
        `requests of ${requests.map((r) => r.bytes).join(", ")} bytes`,
      );
      // An estimate far above the real size would split into more requests than the bytes need.
      const needed = Math.ceil(total / budget);
      assert.ok(requests.length <= Math.ceil(needed * 1.6) + 1, `${requests.length} requests for ${total} bytes`);
    });
  }

  it("keeps a whole generated dashboard with charts within each budget", async function () {
    this.timeout(60_000);
    for (const budget of [250_000, 1_000_000]) {
      const requests = await write(plan, budget);
      assert.ok(requests.length > 1);
      assert.ok(
        requests.every((r) => r.bytes <= budget),
        `budget ${budget}: ${requests.map((r) => r.bytes).join(", ")}`,
      );
    }
  });
});
