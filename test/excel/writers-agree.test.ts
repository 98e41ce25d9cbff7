import { strict as assert } from "node:assert";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeDashboardWorkbook, writeSheetPlan as writeWithExcelJs } from "../../src/cli/xlsx-writer";
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
      // Alignment, Centre across selection included: "CenterAcrossSelection" in Office.js is exceljs's "centerContinuous".
      const horizontal = { Left: "left", Center: "center", Right: "right", CenterAcrossSelection: "centerContinuous" } as Record<string, string>;
      const officeAlign = office.formats[addr]?.hAlign;
      assert.equal(officeAlign === undefined ? undefined : horizontal[officeAlign], cell.alignment?.horizontal, `horizontal alignment of ${addr}`);
      assert.equal(office.formats[addr]?.fill ?? null, hex((cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb), `fill of ${addr}`);
    }
  }

  const excelJsRules = ((ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelJsRule[] }[] }).conditionalFormattings ?? []).flatMap((cf) =>
    cf.rules.map((rule) => ({
      range: cf.ref,
      formula: `=${rule.formulae?.[0] ?? ""}`,
      fill: hex(rule.style?.fill?.bgColor?.argb),
      fontColor: hex(rule.style?.font?.color?.argb),
    })),
  );
  assert.deepEqual(
    office.conditionalFormats.map((cf) => ({ range: cf.range, formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor })),
    excelJsRules,
  );

  const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).slice().sort();
  assert.deepEqual(office.merges, merges);

  // Tables and charts exceljs cannot write are added to its package; read them back from there.
  const zip = await JSZip.loadAsync(await writeDashboardWorkbook(plan, { title: "t", author: "", language: "en-GB", created: new Date(0) }));
  const tableParts = await Promise.all(zip.file(/^xl\/tables\/table\d+\.xml$/).map((f) => f.async("string")));
  const fileTables = tableParts.map((x) => /ref="([^"]+)"/.exec(x)?.[1]).sort();
  assert.deepEqual(office.tables.map((t) => t.range).sort(), fileTables, "the same tables");
  assert.ok(office.tables.every((t) => t.showHeaders && !t.showFilterButton && !t.showBandedRows && t.style === "TableStyleLight1"));
  const drawing = (await zip.file("xl/drawings/drawing1.xml")?.async("string")) ?? "";
  const fileCharts = [...drawing.matchAll(/<xdr:cNvPr id="\d+" name="([^"]*)" descr="([^"]*)" title="([^"]*)"\/>/g)].map((m) => ({
    name: m[1],
    description: m[2],
    title: m[3],
  }));
  const unescape = (s: string | undefined): string =>
    (s ?? "")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  assert.deepEqual(
    office.charts.map((c) => ({ name: c.name, description: c.altText?.description, title: c.altText?.title })),
    fileCharts.map((c) => ({ name: unescape(c.name), description: unescape(c.description), title: unescape(c.title) })),
    "the same charts, with the same alternative text",
  );

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
    assert.ok(plan.conditionalFormats.length > 0 && plan.tables.length > 0 && plan.styles.length > 0);
    assert.deepEqual(plan.merges, [], "the dashboard merges nothing");
    await compare(plan);
  });

  it("on a plan with trend charts and their data right of the printed columns", async () => {
    const grid = generatedGrid();
    const { plan } = runPipeline([grid], { ...defaultSettings(), charts: true }, "2012-10-15");
    assert.ok(plan.charts.length > 0, "the generated workbook has KPIs with trends");
    assert.ok(plan.cols > 14, "the chart data widens the sheet");
    await compare(plan);
    const office = await viaOfficeJs(plan);
    assert.equal(office.charts.length, plan.charts.length);
  });
});
