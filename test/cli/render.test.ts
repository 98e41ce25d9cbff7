import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { convertToPdf } from "../../src/cli/pdf";
import { chartLineColours } from "../../src/cli/xlsx-package";
import { readWorkbookGrids } from "../../src/cli/xlsx-reader";
import { writeDashboardWorkbook, writeSheetPlan } from "../../src/cli/xlsx-writer";
import { documentTitle, layoutDashboard } from "../../src/core/layout";
import { alertColours } from "../../src/core/layout/palette";
import { runPipeline } from "../../src/core/pipeline";
import { parseSettings } from "../../src/core/settings";
import type { SheetPlan } from "../../src/core/sheet-plan";
import { sampleDashboard, sampleSettings } from "../core/layout/sample-dashboard";

/**
 * Renders the written dashboard with LibreOffice and checks the printed result from the PDF and
 * its pixels. Without LibreOffice the tests skip loudly; on CI (CI set) they fail instead.
 */

function hasCommand(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function writePlan(plan: SheetPlan, file: string, fitToWidth = true): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = writeSheetPlan(wb, plan);
  if (!fitToWidth) ws.pageSetup = { ...ws.pageSetup, fitToPage: false, scale: 100 };
  await wb.xlsx.writeFile(file);
}

/** Parses a binary PPM (P6) into width, height and RGB bytes. */
function readPpm(file: string): { width: number; height: number; data: Buffer } {
  const buf = readFileSync(file);
  const header: string[] = [];
  let pos = 0;
  while (header.length < 4) {
    while (buf[pos] !== undefined && /\s/.test(String.fromCharCode(buf[pos] ?? 0))) pos++;
    let token = "";
    while (buf[pos] !== undefined && !/\s/.test(String.fromCharCode(buf[pos] ?? 0))) token += String.fromCharCode(buf[pos++] ?? 0);
    header.push(token);
  }
  pos++;
  return { width: Number(header[1]), height: Number(header[2]), data: buf.subarray(pos) };
}

/** Pixels within `tolerance` per channel of an "#RRGGBB" colour. */
function countNear(image: { data: Buffer }, hex: string, tolerance = 10): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i + 2 < image.data.length; i += 3) {
    if (
      Math.abs((image.data[i] ?? 0) - r) <= tolerance &&
      Math.abs((image.data[i + 1] ?? 0) - g) <= tolerance &&
      Math.abs((image.data[i + 2] ?? 0) - b) <= tolerance
    )
      n++;
  }
  return n;
}

function pageSizes(pdf: string): string[] {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
}

function pageTexts(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((t) => t.trim().length > 0);
}

describe("rendering the dashboard with LibreOffice", function () {
  this.timeout(240_000);
  const plan = layoutDashboard(sampleDashboard(), sampleSettings());
  let dir: string;
  let pdf: string;
  let plainPdf: string;
  let unfittedPdf: string;

  before(async function () {
    if (!hasCommand("soffice") || !hasCommand("pdftoppm") || !hasCommand("pdfinfo")) {
      const message = "LibreOffice (soffice) or poppler-utils (pdftoppm, pdfinfo) not installed: the render tests cannot run";
      if (process.env.CI) throw new Error(`${message}, and CI is set, so this is a failure.`);
      console.warn(`SKIPPED: ${message}. Install libreoffice-calc and poppler-utils to run them.`);
      this.skip();
    }
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-render-"));
    await writePlan(plan, path.join(dir, "dashboard.xlsx"));
    await writePlan({ ...plan, conditionalFormats: [] }, path.join(dir, "plain.xlsx"));
    await writePlan(plan, path.join(dir, "unfitted.xlsx"), false);
    pdf = await convertToPdf(path.join(dir, "dashboard.xlsx"));
    plainPdf = await convertToPdf(path.join(dir, "plain.xlsx"));
    unfittedPdf = await convertToPdf(path.join(dir, "unfitted.xlsx"));
    for (const [file, stem] of [
      [pdf, "page"],
      [plainPdf, "plain"],
    ] as const) {
      execFileSync("pdftoppm", ["-r", "50", "-f", "1", "-l", "1", "-singlefile", file, path.join(dir, stem)]);
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("prints every page on A4 landscape (842 × 595 pt)", () => {
    const sizes = pageSizes(pdf);
    assert.ok(sizes.length >= 1);
    for (const size of sizes) assert.equal(size, "842x595");
  });

  it("shows each alert colour where the conditional formats put it", () => {
    const withRules = readPpm(path.join(dir, "page.ppm"));
    const withoutRules = readPpm(path.join(dir, "plain.ppm"));
    for (const rag of ["GREEN", "AMBER", "RED"] as const) {
      const fill = alertColours[rag].fill;
      const added = countNear(withRules, fill) - countNear(withoutRules, fill);
      // At 50 dpi an alert cell is about 40 × 8 pixels; page 1 has several of each.
      assert.ok(added > 300, `${rag}: ${added} more pixels of ${fill} with the rules than without`);
    }
  });

  it("fits the sheet one page wide: no page holds only the right-hand columns", () => {
    const texts = pageTexts(pdf);
    assert.equal(texts.length, pageSizes(pdf).length);
    for (const [i, text] of texts.entries()) {
      assert.equal(text.includes("Commentary"), text.includes("Indicator"), `page ${i + 1} splits a table across pages sideways`);
    }
    assert.ok(texts[0]?.includes("Commentary"), "page 1 shows the KPI table's last column");
    // Printed at full size, the same sheet needs more pages: the fitting is what keeps it one wide.
    assert.ok(pageSizes(unfittedPdf).length > texts.length, `${pageSizes(unfittedPdf).length} pages unfitted vs ${texts.length} fitted`);
  });

  it("writes the PDF beside the workbook, under the same name", () => {
    assert.ok(readdirSync(dir).includes("dashboard.pdf"));
    assert.equal(path.basename(pdf), "dashboard.pdf");
  });
});

/** The sample workbook's dashboard for January 2013, with trend charts, as `npm run demo` makes it. */
async function sampleWithCharts(): Promise<ReturnType<typeof runPipeline>> {
  const parsed = parseSettings({ period: "2013-01", title: "Customer & Communities", charts: true });
  assert.ok(parsed.ok);
  return runPipeline(await readWorkbookGrids(path.join(__dirname, "..", "..", "assets", "sample-performance.xlsx")), parsed.settings, "2026-12-03");
}

/** The raw bytes of a PDF as text, for the catalog's entries (LibreOffice writes it uncompressed). */
function pdfBytes(file: string): string {
  return readFileSync(file).toString("latin1");
}

const sectionTitle = /^(Summary|Exceptions|Data notes|Trend charts|Guidance notes|.+ indicators)( \(continued\))?$/;

describe("the sample's PDF, as a council would publish it", function () {
  this.timeout(240_000);
  let dir: string;
  let pdf: string;
  let plan: SheetPlan;
  let title: string;
  let chartless: string;

  before(async function () {
    if (!hasCommand("soffice") || !hasCommand("pdftoppm") || !hasCommand("pdfinfo") || !hasCommand("pdftotext")) {
      const message = "LibreOffice (soffice) or poppler-utils (pdftoppm, pdfinfo, pdftotext) not installed: the PDF tests cannot run";
      if (process.env.CI) throw new Error(`${message}, and CI is set, so this is a failure.`);
      console.warn(`SKIPPED: ${message}. Install libreoffice-calc and poppler-utils to run them.`);
      this.skip();
    }
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-publish-"));
    const result = await sampleWithCharts();
    plan = result.plan;
    title = documentTitle(result.dashboard);
    const props = { title, author: "", language: "en-GB", created: new Date("2026-12-03T00:00:00Z") };
    writeFileSync(path.join(dir, "dashboard.xlsx"), await writeDashboardWorkbook(plan, props));
    // The same cells without the charts: what the charts add to the page is the difference.
    writeFileSync(path.join(dir, "chartless.xlsx"), await writeDashboardWorkbook({ ...plan, charts: [] }, props));
    pdf = await convertToPdf(path.join(dir, "dashboard.xlsx"));
    chartless = await convertToPdf(path.join(dir, "chartless.xlsx"));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is a tagged PDF, titled with the dashboard and its month, in en-GB, with no author unless one is given", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    assert.match(info, /^Tagged:\s+yes$/m);
    assert.equal(/^Title:\s+(.*)$/m.exec(info)?.[1], title);
    assert.equal(title, "Customer & Communities Performance Dashboard, January 2013");
    assert.doesNotMatch(info, /^Author:/m, "the author is left for the council");
    assert.match(pdfBytes(pdf), /\/Lang\s*\(en-GB\)/, "the document language");
    assert.match(pdfBytes(pdf), /\/DisplayDocTitle\s+true/, "a reader's window shows the title, not the file name");
  });

  it("prints on the pages the plan says, each starting with a section title or a table's column headings", () => {
    const texts = pageTexts(pdf);
    assert.equal(texts.length, plan.print.pages, `${texts.length} pages printed, ${plan.print.pages} planned`);
    texts.forEach((text, i) => {
      const lines = text
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      // The page header, then the repeated title block (heading, "Performance Dashboard", coverage, date).
      const produced = lines.findIndex((l) => l.startsWith("Produced "));
      assert.ok(produced > 0 && produced < 6, `page ${i + 1} repeats the title block`);
      const first = lines[produced + 1] ?? "";
      const opening = lines.slice(produced + 1, produced + 4);
      const startsTable = opening.some((l) => /^(Ref\s+Indicator|Service area\s+GREEN)/.test(l)) && !/^[A-Z]+\d+\s/.test(first) && !first.startsWith("•");
      assert.ok(sectionTitle.test(first) || startsTable, `page ${i + 1} starts with "${first}"`);
    });
  });

  it("dates the footer in words, UK order, whatever the machine's locale", () => {
    for (const text of pageTexts(pdf)) {
      assert.match(text, /Produced 3 December 2026\s+Page \d+ of \d+/);
      assert.doesNotMatch(text, /\b12\/03\/2026\b/);
    }
  });

  it("draws the trend charts: their lines are on the page where the trend charts section is, and not without them", () => {
    const texts = pageTexts(pdf);
    const page = texts.findIndex((t) => /^\s*Trend charts\s*$/m.test(t)) + 1;
    assert.ok(page > 0, "a page has the trend charts section");
    for (const [file, stem] of [
      [pdf, "with"],
      [chartless, "without"],
    ] as const) {
      execFileSync("pdftoppm", ["-r", "60", "-f", String(page), "-l", String(page), "-singlefile", file, path.join(dir, stem)]);
    }
    const withCharts = readPpm(path.join(dir, "with.ppm"));
    const without = readPpm(path.join(dir, "without.ppm"));
    for (const [line, colour] of Object.entries(chartLineColours)) {
      const added = countNear(withCharts, `#${colour}`, 40) - countNear(without, `#${colour}`, 40);
      assert.ok(added > 200, `${line} line: ${added} more pixels of #${colour} with the charts than without`);
    }
  });
});
