/**
 * `npm run docs:images`: regenerates the README's pictures from what `npm run demo` makes:
 * docs/dashboard.png (page 1 of out/dashboard.pdf) and docs/report.png (page 1 of
 * out/report.docx, converted to PDF by LibreOffice Writer, then rendered with pdftoppm).
 * Needs LibreOffice (Calc and Writer) and poppler-utils.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { convertToPdf, renderFirstPage } from "../src/cli/pdf";

const root = path.join(__dirname, "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "kpi-docs-"));

async function main(): Promise<void> {
  const demo = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "demo.ts")], {
    cwd: root,
    stdio: "inherit",
  });
  if (demo.status !== 0) throw new Error("npm run demo failed");
  const png = path.join(root, "out", "dashboard.png");
  if (!existsSync(png)) throw new Error("The demo wrote no out/dashboard.png: install LibreOffice and poppler-utils.");
  copyFileSync(png, path.join(root, "docs", "dashboard.png"));
  const report = path.join(dir, "report.docx");
  copyFileSync(path.join(root, "out", "report.docx"), report);
  await renderFirstPage(await convertToPdf(report, "writer_pdf_Export"), path.join(root, "docs", "report.png"), 80);
  process.stderr.write("docs/dashboard.png and docs/report.png written\n");
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
