import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readWorkbookGrids } from "../../../src/cli/xlsx-reader";
import { layoutDashboard } from "../../../src/core/layout";
import { runPipeline } from "../../../src/core/pipeline";
import { defaultSettings } from "../../../src/core/settings";
import type { SheetPlan } from "../../../src/core/sheet-plan";
import { formatAt, rowOf, valueAt } from "./plan-helpers";
import { sampleDashboard, sampleSettings } from "./sample-dashboard";

const expectedDir = path.join(__dirname, "..", "..", "fixtures", "expected");

/**
 * Compares a plan with its checked-in snapshot. A missing or different snapshot fails and
 * writes the actual plan beside it as *.actual.json for a person to review and rename.
 */
function matchSnapshot(plan: SheetPlan, name: string): void {
  const file = path.join(expectedDir, `${name}.json`);
  const actualFile = path.join(expectedDir, `${name}.actual.json`);
  const actual = `${JSON.stringify(plan, null, 1)}\n`;
  if (!existsSync(file)) {
    mkdirSync(expectedDir, { recursive: true });
    writeFileSync(actualFile, actual);
    assert.fail(`No snapshot ${path.relative(process.cwd(), file)}: review ${path.basename(actualFile)} and rename it to accept it.`);
  }
  if (readFileSync(file, "utf8") !== actual) {
    writeFileSync(actualFile, actual);
    assert.deepEqual(
      JSON.parse(actual),
      JSON.parse(readFileSync(file, "utf8")),
      `Plan differs from ${name}.json; the new one is in ${path.basename(actualFile)}`,
    );
  }
}

describe("layoutDashboard", () => {
  const plan = layoutDashboard(sampleDashboard(), sampleSettings());

  it("matches the reviewed snapshot for the sample dashboard", () => {
    matchSnapshot(plan, "layout-sample-dashboard");
  });

  it("is one rectangle: values and formats are rows × cols with a width per column", () => {
    assert.equal(plan.values.length, plan.rows);
    assert.equal(plan.numberFormats.length, plan.rows);
    for (const row of plan.values) assert.equal(row.length, plan.cols);
    assert.equal(plan.columnWidths.length, plan.cols);
  });

  it("gives every text cell the text format @", () => {
    plan.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "string") assert.equal(plan.numberFormats[r]?.[c], "@", `row ${r + 1} col ${c + 1}`);
      }),
    );
  });

  it("keeps cell text that starts with = + - or @ as the same text, never a formula", () => {
    const home = rowOf(plan.values, "-");
    assert.equal(valueAt(plan, `B${home}`), "@Home library service users");
    assert.equal(valueAt(plan, `N${home}`), "=1+1 was typed in the source cell");
    assert.equal(formatAt(plan, `N${home}`), "@");
    // Only strings and numbers reach the sheet: nothing is marked as a formula.
    assert.ok(plan.values.every((r) => r.every((v) => v === null || typeof v === "string" || typeof v === "number")));
  });

  it("freezes the title block, hides gridlines, colours the tab and repeats the title rows on every page", () => {
    assert.deepEqual(plan.freeze, { rows: 4, columns: 0 });
    assert.equal(plan.showGridlines, false);
    assert.match(plan.tabColor, /^#[0-9A-F]{6}$/i);
    assert.equal(plan.print.printTitleRows, "$1:$4");
    assert.equal(plan.print.printArea, `A1:N${plan.rows}`);
  });

  it("draws no charts unless asked", () => {
    assert.deepEqual(plan.charts, []);
  });

  it("groups by service area when the settings say so", () => {
    const byArea = layoutDashboard(sampleDashboard(), { ...sampleSettings(), grouping: "serviceArea" });
    assert.ok(byArea.values.some((r) => r[0] === "Community Safety: key performance indicators"));
    assert.ok(!byArea.values.some((r) => r[0] === "Monthly key performance indicators"));
  });
});

describe("layoutDashboard on the sample workbook", () => {
  const sample = path.join(__dirname, "..", "..", "..", "assets", "sample-performance.xlsx");

  it("matches the reviewed snapshot for assets/sample-performance.xlsx at January 2013", async function () {
    if (!existsSync(sample)) this.skip();
    const grids = await readWorkbookGrids(sample);
    const { plan } = runPipeline(grids, { ...defaultSettings(), period: "2013-01" }, "2013-02-14");
    matchSnapshot(plan, "layout-sample-workbook");
  });
});
