/**
 * `npm run demo`: the command line on the sample workbook, as a team uses it over two months.
 *
 * 1. December's report is built and recorded (`--record`) in `out/dashboard.history.json`. It is
 *    built from a temporary copy of the sample in which one December figure is the one the team
 *    first reported: RS01 (rogue traders disrupted) as 10. The sample holds today's figure, 8,
 *    as corrected after the paper went out; nothing else differs.
 * 2. January's dashboard is built from the sample itself into `out/dashboard.xlsx`, with its trend
 *    charts, and the cover report drafted into `out/report.docx`: it shows what changed since the
 *    report of December 2012 (RS01 down to amber) and the revised figure.
 *
 * The history starts afresh on every run, so the demo always shows the same thing. The PDF and
 * the PNG of page 1 are asked for only where LibreOffice and pdftoppm are installed, so a first
 * try on a bare machine still ends well, with a line saying what to install for them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { pdftoppmCommand, sofficeCommand } from "../src/cli/pdf";

const installed = (command: string): boolean => !spawnSync(command, ["--version"], { stdio: "ignore" }).error;

const root = path.join(__dirname, "..");
const sample = path.join(root, "assets", "sample-performance.xlsx");
const history = path.join("out", "dashboard.history.json");
const title = ["--title", "Customer & Communities"];

/** The December figure as first reported, before the team corrected it in the sample. */
const firstReported = { sheet: "Monthly KPIs", cell: "AA11", ref: "RS01", today: 8, reported: 10 };

function cli(args: readonly string[]): number {
  const run = spawnSync(process.execPath, [path.join(root, "bin", "kpi-dashboard.cjs"), ...args], { cwd: root, stdio: "inherit" });
  return run.status ?? 1;
}

async function main(): Promise<number> {
  const temp = mkdtempSync(path.join(os.tmpdir(), "kpi-demo-"));
  try {
    // The copy December's report is built from: the sample with RS01's December figure as first reported.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(sample);
    const sheet = workbook.getWorksheet(firstReported.sheet);
    const ref = sheet?.getCell(`A${firstReported.cell.replace(/^[A-Z]+/, "")}`).value;
    const cell = sheet?.getCell(firstReported.cell);
    if (!cell || ref !== firstReported.ref || cell.value !== firstReported.today) {
      process.stderr.write(
        `The sample has changed: ${firstReported.sheet}!${firstReported.cell} is no longer ${firstReported.ref}'s December figure of ${firstReported.today}; update scripts/demo.ts.\n`,
      );
      return 1;
    }
    cell.value = firstReported.reported;
    const asReported = path.join(temp, "sample-as-reported-in-december.xlsx");
    await workbook.xlsx.writeFile(asReported);

    rmSync(path.join(root, history), { force: true });
    process.stderr.write(`\nDecember's report, recorded as reported (${firstReported.ref}'s December figure as first reported: ${firstReported.reported}):\n`);
    const december = cli(["build", asReported, "--period", "2012-12", ...title, "--out", path.join(temp, "december.xlsx"), "--history", history, "--record"]);
    if (december !== 0) return december;

    process.stderr.write(
      `\nJanuary's dashboard, from the sample as it is today (${firstReported.ref}'s December figure since corrected to ${firstReported.today}):\n`,
    );
    const args = [
      "build",
      "assets/sample-performance.xlsx",
      "--period",
      "2013-01",
      ...title,
      "--charts",
      "--out",
      "out/dashboard.xlsx",
      "--docx",
      "out/report.docx",
      "--history",
      history,
    ];
    if (installed(sofficeCommand())) {
      args.push("--pdf");
      if (installed(pdftoppmCommand())) args.push("--png");
    } else {
      process.stderr.write("LibreOffice is not installed, so the demo writes the .xlsx only (for the PDF: apt-get install libreoffice-calc poppler-utils).\n");
    }
    return cli(args);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
