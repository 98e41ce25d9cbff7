import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { convertToPdf } from "../../src/cli/pdf";
import { writeSheetPlan } from "../../src/cli/xlsx-writer";
import { layoutDashboard } from "../../src/core/layout";
import { alertColours } from "../../src/core/layout/palette";
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
    if (Math.abs((image.data[i] ?? 0) - r) <= tolerance && Math.abs((image.data[i + 1] ?? 0) - g) <= tolerance && Math.abs((image.data[i + 2] ?? 0) - b) <= tolerance) n++;
  }
  return n;
}

function pageSizes(pdf: string): string[] {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
}

function pageTexts(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").filter((t) => t.trim().length > 0);
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
    for (const [file, stem] of [[pdf, "page"], [plainPdf, "plain"]] as const) {
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
