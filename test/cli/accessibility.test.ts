import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { readWorkbookGrids } from "../../src/cli/xlsx-reader";
import { runPipeline } from "../../src/core/pipeline";
import { parseSettings } from "../../src/core/settings";
import { writeSheetPlan } from "../../src/excel/dashboard-writer";
import { checkWorkbookAccessibility, contrast, type Finding } from "../accessibility-check";
import { createFakeExcel } from "../excel/fake-excel";

/**
 * The dashboard against the rules of Excel's accessibility checker that a file shows: the
 * command line's workbook, read back from the file it wrote, and the add-in's sheet, read back
 * from the test Excel; and a workbook broken on purpose, to show the check finds each problem.
 */

const root = path.join(__dirname, "..", "..");
const sample = path.join(root, "assets", "sample-performance.xlsx");

function cli(args: readonly string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, "bin", "kpi-dashboard.cjs"), ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stderr: r.stderr };
}

const rules = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => f.rule))].sort();

describe("the dashboard against Excel's accessibility checker", function () {
  this.timeout(120_000);
  let dir: string;
  let bytes: Buffer;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-a11y-"));
    const out = path.join(dir, "dashboard.xlsx");
    const run = cli(["build", sample, "--period", "2013-01", "--title", "Customer & Communities", "--charts", "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    bytes = readFileSync(out);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("finds nothing to flag in the command line's workbook of the sample, charts and all", async () => {
    const findings = await checkWorkbookAccessibility(bytes);
    assert.deepEqual(findings, []);
    const zip = await JSZip.loadAsync(bytes);
    assert.ok(zip.file(/^xl\/tables\//).length >= 6 && zip.file(/^xl\/charts\//).length >= 10, "the check had tables and charts to look at");
  });

  it("flags each kind of problem in a workbook broken on purpose", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const edit = async (part: string, change: (xml: string) => string): Promise<void> => {
      zip.file(part, change((await zip.file(part)?.async("string")) ?? ""));
    };
    await edit("xl/worksheets/sheet1.xml", (x) =>
      x.replace("<conditionalFormatting", '<mergeCells count="1"><mergeCell ref="A1:N1"/></mergeCells><conditionalFormatting'),
    );
    await edit("xl/drawings/drawing1.xml", (x) => x.replace(/ descr="[^"]*" title="[^"]*"/, ""));
    await edit("xl/tables/table1.xml", (x) => x.replace('headerRowCount="1"', 'headerRowCount="0"'));
    await edit("xl/tables/table2.xml", (x) => x.replace(/<tableColumn id="1" name="[^"]*"\/>/, '<tableColumn id="1" name="Something else"/>'));
    await edit("xl/workbook.xml", (x) => x.replace('name="Dashboard"', 'name="Sheet1"'));
    // Every font grey: grey text on white, and on the dark blue headings.
    await edit("xl/styles.xml", (x) =>
      x
        .replace(/(<font>|<font [^>]*>)/g, '$1<color rgb="FF9A9A9A"/>')
        .replace(/<color rgb="FF9A9A9A"\/>((?:(?!<\/font>)[\s\S])*?)<color [^>]*\/>/g, '<color rgb="FF9A9A9A"/>$1'),
    );
    const findings = await checkWorkbookAccessibility(await zip.generateAsync({ type: "uint8array" }));
    assert.deepEqual(rules(findings), ["contrast", "default-sheet-name", "merged-cells", "missing-alt-text", "table-header"]);
    assert.equal(findings.filter((f) => f.rule === "missing-alt-text").length, 1, "the one chart left without alternative text");
    assert.equal(findings.filter((f) => f.rule === "table-header").length >= 2, true);
  });

  it("reads WCAG contrast as WCAG defines it", () => {
    assert.equal(Math.round(contrast("000000", "FFFFFF")), 21);
    assert.ok(Math.abs(contrast("767676", "FFFFFF") - 4.54) < 0.01, "#767676 on white is just AA");
  });

  it("finds nothing to flag on the add-in's sheet either: no merges, alternative text on every chart, tables with header rows, colour pairs at AA", async () => {
    const parsed = parseSettings({ period: "2013-01", title: "Customer & Communities", charts: true });
    assert.ok(parsed.ok);
    const { plan } = runPipeline(await readWorkbookGrids(sample), parsed.settings, "2026-12-03");
    const fake = createFakeExcel({ sheets: [{ name: "Data", values: [["x"]] }] });
    await fake.Excel.run(async (context: Excel.RequestContext) => {
      await writeSheetPlan(context, context.workbook.worksheets.add(plan.name), plan);
      await context.sync();
    });
    const sheet = fake.describeSheet(plan.name);
    assert.deepEqual(sheet.merges, []);
    assert.ok(sheet.charts.length >= 10);
    for (const chart of sheet.charts)
      assert.ok((chart.altText?.title ?? "") !== "" && (chart.altText?.description ?? "") !== "", `${chart.name} has alternative text`);
    assert.equal(sheet.tables.length, plan.tables.length);
    for (const table of sheet.tables)
      assert.ok(table.showHeaders && table.headers.every((h) => !/^Column\d+$/.test(h)), `${table.range} has a header row of its own names`);
    for (const [addr, cell] of Object.entries(sheet.cells)) {
      if (typeof cell.value !== "string" || cell.value.trim() === "") continue;
      const f = sheet.formats[addr] ?? {};
      const ratio = contrast((f.fontColor ?? "#000000").slice(1), (f.fill ?? "#FFFFFF").slice(1));
      const large = (f.size ?? 10) >= 18 || (f.bold === true && (f.size ?? 10) >= 14);
      assert.ok(ratio >= (large ? 3 : 4.5), `${addr}: ${f.fontColor ?? "#000000"} on ${f.fill ?? "#FFFFFF"} is ${ratio.toFixed(2)}:1`);
    }
    for (const cf of sheet.conditionalFormats)
      assert.ok(contrast((cf.fontColor ?? "#000000").slice(1), (cf.fill ?? "#FFFFFF").slice(1)) >= 4.5, `${cf.range} ${cf.formula}`);
    assert.equal(sheet.name, "Dashboard");
  });
});
