import { strict as assert } from "node:assert";
import ExcelJS from "exceljs";
import { writeSheetPlan as writeWithExcelJs } from "../../src/cli/xlsx-writer";
import { runPipeline } from "../../src/core/pipeline";
import { defaultSettings } from "../../src/core/settings";
import type { SheetPlan } from "../../src/core/sheet-plan";
import { columnWidthChars, writeSheetPlan as writeWithOfficeJs } from "../../src/excel/dashboard-writer";
import { createFakeExcel, type SheetDescription } from "./fake-excel";
import { kpiSheet } from "./sample-sheets";
import { smallPlan } from "./small-plan";
import type { Grid } from "../../src/core/grid";

async function viaOfficeJs(plan: SheetPlan): Promise<SheetDescription> {
  const fake = createFakeExcel({ sheets: [{ name: "Data", values: [["x"]] }] });
  await fake.Excel.run(async (context: Excel.RequestContext) => {
    await writeWithOfficeJs(context, context.workbook.worksheets.add(plan.name), plan);
  });
  return fake.describeSheet(plan.name);
}

interface ExcelJsRule {
  formulae?: string[];
  style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } };
}

function hex(argb: string | undefined): string | null {
  return argb ? `#${argb.slice(2).toUpperCase()}` : null;
}

async function compare(plan: SheetPlan): Promise<void> {
  const office = await viaOfficeJs(plan);
  const ws = writeWithExcelJs(new ExcelJS.Workbook(), plan);

  for (let r = 1; r <= plan.rows; r++) {
    for (let c = 1; c <= plan.cols; c++) {
      const cell = ws.getCell(r, c);
      const addr = cell.address;
      // exceljs reports a merged area's value on every cell of it; Excel keeps it in the first.
      if (cell.isMerged && cell.master.address !== addr) continue;
      const fromOffice = office.cells[addr];
      const expected = cell.value === null || cell.value === undefined ? undefined : cell.value;
      assert.equal(fromOffice?.value, expected, `value of ${addr}`);
      assert.equal(fromOffice?.formula ?? null, null, `${addr} is no formula`);
      assert.equal(office.numberFormats[addr] ?? "General", cell.numFmt ?? "General", `number format of ${addr}`);
    }
  }

  const excelJsRules = ((ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelJsRule[] }[] }).conditionalFormattings ?? []).flatMap(
    (cf) => cf.rules.map((rule) => ({ range: cf.ref, formula: `=${rule.formulae?.[0] ?? ""}`, fill: hex(rule.style?.fill?.bgColor?.argb), fontColor: hex(rule.style?.font?.color?.argb) })),
  );
  assert.deepEqual(
    office.conditionalFormats.map((cf) => ({ range: cf.range, formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor })),
    excelJsRules,
  );

  const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).slice().sort();
  assert.deepEqual(office.merges, merges);

  plan.columnWidths.forEach((width, i) => {
    const letter = ws.getColumn(i + 1).letter;
    assert.equal(columnWidthChars(office.columnWidths[letter] ?? 0), ws.getColumn(i + 1).width ?? width, `width of ${letter}`);
  });

  const setup = ws.pageSetup;
  const layout = office.pageLayout;
  assert.equal(layout.orientation.toLowerCase(), setup.orientation);
  assert.equal(layout.zoom.horizontalFitToPages, setup.fitToWidth);
  assert.equal(layout.zoom.verticalFitToPages, setup.fitToHeight);
  // The exceljs writer gives the rows a "$" so the stored print area is absolute; the range is the same.
  assert.equal(layout.printArea, setup.printArea?.replace(/\$/g, ""));
  assert.equal(layout.printTitleRows?.replace(/\$/g, "") ?? undefined, setup.printTitlesRow);
  assert.deepEqual(layout.margins, setup.margins);
  assert.equal(layout.centerHorizontally, setup.horizontalCentered);
  assert.equal(office.showGridlines, plan.showGridlines);
}

/** A 25-KPI sheet as a Grid, every cell in the General format. */
function generatedGrid(): Grid {
  const sheet = kpiSheet(25);
  return { sheet: sheet.name, origin: "A1", values: sheet.values, numberFormat: sheet.values.map((row) => row.map(() => "General")) };
}

describe("the Office.js and exceljs writers agree", () => {
  it("on a small hand-made plan with formula-looking text", async () => {
    await compare(smallPlan());
  });

  it("on the plan of a generated workbook", async () => {
    const grid = generatedGrid();
    const { plan } = runPipeline([grid], defaultSettings(), "2012-10-15");
    assert.ok(plan.rows > 25);
    assert.ok(plan.conditionalFormats.length > 0 && plan.merges.length > 0 && plan.styles.length > 0);
    await compare(plan);
  });

  it("on a plan with trend charts and their data right of the printed columns", async () => {
    const grid = generatedGrid();
    const { plan } = runPipeline([grid], { ...defaultSettings(), charts: true }, "2012-10-15");
    assert.ok(plan.charts.length > 0, "the generated workbook has KPIs with trends");
    assert.ok(plan.cols > 14, "the chart data widens the sheet");
    await compare(plan);
    // Only the add-in draws charts; they are checked on the Office.js side.
    const office = await viaOfficeJs(plan);
    assert.equal(office.charts.length, plan.charts.length);
  });
});
