/**
 * `npm run demo`: the command line on the sample workbook. The PDF and the PNG of page 1 are
 * asked for only where LibreOffice and pdftoppm are installed, so a first try on a bare machine
 * still ends well, with a line saying what to install for them.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pdftoppmCommand, sofficeCommand } from "../src/cli/pdf";

const installed = (command: string): boolean => !spawnSync(command, ["--version"], { stdio: "ignore" }).error;

const root = path.join(__dirname, "..");
const args = ["build", "assets/sample-performance.xlsx", "--period", "2013-01", "--title", "Customer & Communities", "--out", "out/dashboard.xlsx"];
if (installed(sofficeCommand())) {
  args.push("--pdf");
  if (installed(pdftoppmCommand())) args.push("--png");
} else {
  process.stderr.write("LibreOffice is not installed, so the demo writes the .xlsx only (for the PDF: apt-get install libreoffice-calc poppler-utils).\n");
}
const run = spawnSync(process.execPath, [path.join(root, "bin", "kpi-dashboard.cjs"), ...args], { cwd: root, stdio: "inherit" });
process.exitCode = run.status ?? 1;
