import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PDF and PNG output through LibreOffice and poppler's pdftoppm, when they are installed.
 * LibreOffice runs with a private profile directory so it neither touches the user's own
 * profile nor clashes with a LibreOffice already open.
 */

/** A converter the user asked for is not installed: the message says which and how to get it. */
export class ToolMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolMissingError";
  }
}

/** A converter ran but did not produce its file. */
export class ConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConversionError";
  }
}

/** The LibreOffice command: $KPI_DASHBOARD_SOFFICE when set, else "soffice" on the PATH. */
export function sofficeCommand(): string {
  return process.env.KPI_DASHBOARD_SOFFICE || "soffice";
}

/** The pdftoppm command: $KPI_DASHBOARD_PDFTOPPM when set, else "pdftoppm" on the PATH. */
export function pdftoppmCommand(): string {
  return process.env.KPI_DASHBOARD_PDFTOPPM || "pdftoppm";
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "EACCES";
}

/**
 * LibreOffice's PDF export options for a document a council can publish (WCAG 2.2 AA, PDF
 * techniques PDF1-PDF18): a tagged PDF, so a screen reader gets the structure and reading order,
 * whose window shows the document's title rather than the file name. Given on the command line
 * as JSON filter options, which LibreOffice reads from version 7.4. The title and author come
 * from the document's own properties (the workbook's core properties); the language from the
 * profile's locale (`profileFor`).
 */
export const pdfExportOptions = {
  UseTaggedPDF: { type: "boolean", value: "true" },
  DisplayPDFDocumentTitle: { type: "boolean", value: "true" },
  ExportBookmarks: { type: "boolean", value: "true" },
} as const;

/** The --convert-to argument: the format, the PDF filter of Calc (workbooks) or Writer (documents), and its options. */
export function pdfConvertArgument(filter: "calc_pdf_Export" | "writer_pdf_Export" = "calc_pdf_Export"): string {
  return `pdf:${filter}:${JSON.stringify(pdfExportOptions)}`;
}

/**
 * Writes a fresh LibreOffice profile whose locale and default language are `locale`: the PDF's
 * document language (/Lang) is the profile's default language, and the same profile makes any
 * locale-dependent rendering UK, whatever the machine's own settings.
 */
export async function profileFor(dir: string, locale = "en-GB"): Promise<void> {
  const item = (pathName: string, prop: string): string =>
    `<item oor:path="${pathName}"><prop oor:name="${prop}" oor:op="fuse"><value>${locale}</value></prop></item>`;
  await fs.mkdir(path.join(dir, "user"), { recursive: true });
  await fs.writeFile(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      item("/org.openoffice.Office.Linguistic/General", "DefaultLocale") +
      item("/org.openoffice.Setup/L10N", "ooSetupSystemLocale") +
      `</oor:items>\n`,
  );
}

/** Converts an .xlsx file (or, with Writer's filter, a .docx) to a tagged PDF beside it (same name, .pdf) and returns the PDF's path. */
/**
 * How long LibreOffice may take. It draws charts slowly: the sample's 20 take seconds, but a
 * dashboard of 1,000 indicators with 750 charts took nearly 6 minutes (npm run bench).
 */
export const conversionTimeoutMs = 15 * 60_000;

export async function convertToPdf(xlsxPath: string, filter: "calc_pdf_Export" | "writer_pdf_Export" = "calc_pdf_Export"): Promise<string> {
  const outDir = path.dirname(path.resolve(xlsxPath));
  const pdfPath = path.join(outDir, `${path.parse(xlsxPath).name}.pdf`);
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "kpi-dashboard-lo-"));
  try {
    await fs.rm(pdfPath, { force: true });
    await profileFor(profile);
    await run(
      sofficeCommand(),
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        pdfConvertArgument(filter),
        "--outdir",
        outDir,
        path.resolve(xlsxPath),
      ],
      conversionTimeoutMs,
    );
  } catch (error) {
    if (isMissing(error)) {
      throw new ToolMissingError(
        "LibreOffice (soffice) is not installed, so no PDF was written; install it (e.g. apt-get install libreoffice-calc) or open the .xlsx in Excel and save as PDF.",
      );
    }
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConversionError(`LibreOffice could not convert the dashboard to PDF (${detail}).`);
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  try {
    await fs.access(pdfPath);
  } catch {
    throw new ConversionError(`LibreOffice ran but wrote no PDF at ${pdfPath}.`);
  }
  return pdfPath;
}

/** Renders page 1 of a PDF to a PNG at `dpi` and returns the PNG's path (same name, .png, unless given). A document's page may be limited to `scaleTo` pixels on its longer side. */
export async function renderFirstPage(pdfPath: string, pngPath?: string, dpi = 110): Promise<string> {
  const target = pngPath ?? path.join(path.dirname(pdfPath), `${path.parse(pdfPath).name}.png`);
  const stem = target.replace(/\.png$/i, "");
  try {
    await run(pdftoppmCommand(), ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", pdfPath, stem], 60_000);
  } catch (error) {
    if (isMissing(error)) {
      throw new ToolMissingError("pdftoppm (poppler-utils) is not installed, so no PNG was written; install it with apt-get install poppler-utils.");
    }
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConversionError(`pdftoppm could not render the PDF (${detail}).`);
  }
  return `${stem}.png`;
}
