import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeDashboardWorkbook, writeSheetPlanStreamed } from "../../src/cli/xlsx-writer";
import { layoutDashboard } from "../../src/core/layout";
import type { SheetPlan } from "../../src/core/sheet-plan";
import { generateWorkbookGrids } from "../../bench/generate";
import { runPipeline } from "../../src/core/pipeline";
import { defaultSettings } from "../../src/core/settings";
import { sampleDashboard, sampleSettings } from "../core/layout/sample-dashboard";

/**
 * The command line writes the dashboard with exceljs's streaming writer (memory follows a row,
 * not the sheet); the in-memory writer is what the sheet was checked against. Read back, the two
 * finished files must hold the same sheet (every cell's value and style, the widths, heights,
 * merges, conditional formats, frozen rows, print setup and page breaks) and the same parts
 * added after exceljs (charts, their drawing, tables, the document's properties).
 */

const props = { title: "Performance Dashboard, February 2013", author: "", language: "en-GB", created: new Date("2013-02-14T00:00:00Z") };

/** The parts the package step adds, and the sheet's references to them, as text (the ids as written). */
async function addedParts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (!/^xl\/(charts|drawings|tables)\/./.test(name)) continue;
    out[name] = (await zip.file(name)?.async("string")) ?? "";
  }
  // The core properties by what they say: the streaming writer leaves out empty ones and orders them otherwise.
  const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
  out.core = [...core.matchAll(/<([a-z]+:[A-Za-z]+)\b[^>]*>([^<]+)<\/\1>/g)]
    .map((m) => `${m[1]}=${m[2]}`)
    .sort()
    .join("\n");
  const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
  out.references = [...sheet.matchAll(/<(drawing|tablePart|printOptions|pageSetup|headerFooter|rowBreaks)\b[^>]*>/g)].map((m) => m[0]).join("\n");
  return out;
}

async function readBack(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`${name} missing from ${file}`);
  return ws;
}

/** Everything about a sheet the two writers must agree on, as plain data. */
function describeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): unknown {
  const cells: unknown[] = [];
  for (let r = 1; r <= plan.rows; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= plan.cols; c++) {
      const cell = row.getCell(c);
      cells.push([
        cell.address,
        cell.value ?? null,
        cell.numFmt ?? null,
        JSON.stringify(cell.font ?? null),
        JSON.stringify(cell.fill ?? null),
        JSON.stringify(cell.border ?? null),
        JSON.stringify(cell.alignment ?? null),
      ]);
    }
  }
  const heights: unknown[] = [];
  for (let r = 1; r <= plan.rows; r++) heights.push(ws.getRow(r).height ?? null);
  const model = ws.model as unknown as { merges?: string[] };
  return {
    cells,
    heights,
    widths: plan.columnWidths.map((_, c) => ws.getColumn(c + 1).width ?? null),
    merges: [...(model.merges ?? [])].sort(),
    conditionalFormats: JSON.stringify((ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings ?? null),
    views: JSON.stringify(ws.views),
    pageSetup: JSON.stringify({ ...ws.pageSetup, printArea: ws.pageSetup.printArea, printTitlesRow: ws.pageSetup.printTitlesRow }),
    headerFooter: JSON.stringify(ws.headerFooter),
    rowBreaks: JSON.stringify((ws as unknown as { rowBreaks?: unknown }).rowBreaks ?? null),
    tabColor: JSON.stringify(ws.properties.tabColor ?? null),
  };
}

describe("writeDashboardWorkbook, streamed", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-stream-writer-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const plans: { what: string; plan: () => SheetPlan }[] = [
    { what: "the sample dashboard", plan: () => layoutDashboard(sampleDashboard(), sampleSettings()) },
    { what: "the sample dashboard with chart data", plan: () => layoutDashboard(sampleDashboard(), { ...sampleSettings(), charts: true }) },
    {
      what: "300 generated indicators by service area, with charts, over pages with breaks",
      plan: () => runPipeline(generateWorkbookGrids(300, 12), { ...defaultSettings(), grouping: "serviceArea", charts: true }, "2013-03-31").plan,
    },
  ];
  for (const [i, { what, plan: makePlan }] of plans.entries()) {
    it(`writes the same workbook as the in-memory writer: ${what}`, async () => {
      const plan = makePlan();
      const inMemory = path.join(dir, `memory-${i}.xlsx`);
      const streamed = path.join(dir, `stream-${i}.xlsx`);
      const memoryBytes = await writeDashboardWorkbook(plan, props, { inMemory: true });
      const streamedBytes = await writeDashboardWorkbook(plan, props);
      writeFileSync(inMemory, memoryBytes);
      writeFileSync(streamed, streamedBytes);
      assert.ok(plan.conditionalFormats.length > 0 && plan.tables.length > 0);
      if (i === 2) assert.ok(plan.charts.length > 0, "the plan has charts to compare");
      if (i === 2) assert.ok(plan.print.rowBreaks.length > 0, "the plan has page breaks to compare");
      assert.deepEqual(describeSheet(await readBack(streamed, plan.name), plan), describeSheet(await readBack(inMemory, plan.name), plan));
      assert.deepEqual(await addedParts(streamedBytes), await addedParts(memoryBytes));
    });
  }

  it("refuses overlapping merges as the in-memory writer does", async () => {
    const plan = layoutDashboard(sampleDashboard(), sampleSettings());
    const broken = { ...plan, merges: ["A1:B1", "B1:C1"] };
    await assert.rejects(writeSheetPlanStreamed(broken, props), /Cannot merge already merged cells/);
  });
});
