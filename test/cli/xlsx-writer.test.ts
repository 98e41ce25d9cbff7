import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { argb, printAreaForExcelJs, writeSheetPlan } from "../../src/cli/xlsx-writer";
import { layoutDashboard } from "../../src/core/layout";
import { alertColours } from "../../src/core/layout/palette";
import type { SheetPlan } from "../../src/core/sheet-plan";
import { rowOf } from "../core/layout/plan-helpers";
import { sampleDashboard, sampleSettings } from "../core/layout/sample-dashboard";

/** What exceljs reads back for conditional formats; the property is missing from its type definitions. */
interface ReadConditionalFormat {
  ref: string;
  rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } }[];
}

describe("writeSheetPlan", () => {
  const plan: SheetPlan = layoutDashboard(sampleDashboard(), sampleSettings());
  let dir: string;
  let ws: ExcelJS.Worksheet;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-writer-"));
    const file = path.join(dir, "dashboard.xlsx");
    const out = new ExcelJS.Workbook();
    writeSheetPlan(out, plan);
    await out.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const sheet = back.getWorksheet(plan.name);
    if (!sheet) throw new Error("dashboard sheet missing");
    ws = sheet;
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the values and number formats of the plan", () => {
    const row = rowOf(plan.values, "CR01");
    assert.equal(ws.getCell(`B${row}`).value, "Percentage of calls to the Contact Centre answered within 20 seconds");
    assert.equal(ws.getCell(`D${row}`).value, 0.82);
    assert.equal(ws.getCell(`D${row}`).numFmt, "0.0%");
    assert.equal(ws.getCell(`G${row}`).value, "GREEN");
    assert.equal(ws.getCell(`B${row}`).numFmt, "@");
    const money = rowOf(plan.values, "CSP01");
    assert.equal(ws.getCell(`D${money}`).numFmt, "£#,##0");
  });

  it("keeps text that starts with = + - or @ as a plain string, never a formula", () => {
    const home = rowOf(plan.values, "-");
    for (const address of [`A${home}`, `B${home}`, `N${home}`]) {
      const cell = ws.getCell(address);
      assert.equal(cell.type, ExcelJS.ValueType.String, address);
      assert.equal(cell.formula, undefined, address);
    }
    assert.equal(ws.getCell(`N${home}`).value, "=1+1 was typed in the source cell");
    assert.equal(ws.getCell(`B${home}`).value, "@Home library service users");
  });

  it("writes one conditional format per alert column with RED, AMBER and GREEN rules and their colours", () => {
    const cfs = (ws as unknown as { conditionalFormattings: ReadConditionalFormat[] }).conditionalFormattings;
    assert.equal(cfs.length, plan.conditionalFormats.length);
    const first = cfs.find((cf) => cf.ref === plan.conditionalFormats[0]?.range);
    assert.ok(first, "first alert range");
    assert.deepEqual(
      first.rules.map((r) => r.type),
      ["expression", "expression", "expression"],
    );
    assert.deepEqual(
      first.rules.map((r) => r.formulae?.[0]),
      plan.conditionalFormats[0]?.rules.map((r) => r.formula),
    );
    assert.equal(first.rules[0]?.style?.fill?.bgColor?.argb, argb(alertColours.RED.fill));
    assert.equal(first.rules[0]?.style?.font?.color?.argb, argb(alertColours.RED.text));
  });

  it("merges nothing, centres the title rows across the sheet, and freezes the title block", () => {
    const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
    assert.deepEqual(merges, []);
    for (const a of ["A1", "F1", "N1", "A4"]) assert.equal(ws.getCell(a).alignment?.horizontal, "centerContinuous", a);
    const view = ws.views[0] as { state?: string; ySplit?: number; showGridLines?: boolean };
    assert.equal(view.state, "frozen");
    assert.equal(view.ySplit, 4);
    assert.equal(view.showGridLines, false);
  });

  it("sets A4 landscape, fit to one page wide, margins, print area, title rows, header and footer", () => {
    const p = ws.pageSetup;
    assert.equal(p.paperSize, 9);
    assert.equal(p.orientation, "landscape");
    assert.equal(p.fitToPage, true);
    assert.equal(p.fitToWidth, 1);
    assert.equal(p.fitToHeight, 0);
    assert.equal(p.margins?.left, 0.5);
    assert.equal(p.printArea, plan.print.printArea);
    assert.equal(p.printTitlesRow, "1:4");
    assert.match(ws.headerFooter.oddFooter ?? "", /&CPage &P of &N/);
    assert.match(ws.headerFooter.oddHeader ?? "", /&LCustomer && Communities/);
  });

  it("passes the print area so that exceljs stores it fully absolute ($A$1:$N$80), which LibreOffice honours", () => {
    // exceljs puts one "$" before each corner itself.
    assert.equal(printAreaForExcelJs("A1:N80"), "A$1:N$80");
    assert.equal(printAreaForExcelJs("$A$1:$N$80"), "A$1:N$80");
  });

  it("sets column widths, row heights, fonts with a name, and the tab colour", () => {
    assert.equal(ws.getColumn(2).width, plan.columnWidths[1]);
    assert.equal(ws.getRow(1).height, 24);
    assert.equal(ws.getCell("A1").font?.name, "Arial");
    assert.equal(ws.getCell("A1").font?.bold, true);
    assert.equal((ws.properties.tabColor as { argb?: string } | undefined)?.argb, argb(plan.tabColor));
  });
});
