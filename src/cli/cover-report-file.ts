import { promises as fs } from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { Packer } from "docx";
import type { Dashboard } from "../core/dashboard";
import { chartedIndicators, coverReportDocument } from "../report/cover-report";
import { trendChartSvg } from "../report/trend-chart-svg";
import { writeFileAtomically } from "./output-file";

/**
 * The cover report as a .docx file, for the command line: each exception's trend chart drawn as
 * SVG (report/trend-chart-svg.ts) and rasterised to PNG with resvg, a renderer with a prebuilt
 * binary in its npm package (nothing to compile) that draws the text with the machine's own fonts.
 */

/** The PNG of an SVG drawing, rendered at twice its size so it stays sharp when printed. */
export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: "Liberation Sans" } });
  return resvg.render().asPng();
}

/** The cover report's bytes. */
export async function coverReportBytes(dashboard: Dashboard, author: string | null): Promise<Buffer> {
  const images = new Map(chartedIndicators(dashboard).map((i) => [i.id, svgToPng(trendChartSvg(i))] as const));
  return Packer.toBuffer(coverReportDocument(dashboard, images, author ? { author } : {}));
}

/** Writes the cover report to `file`, making its folder. */
export async function writeCoverReport(dashboard: Dashboard, file: string, author: string | null): Promise<void> {
  const bytes = await coverReportBytes(dashboard, author);
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  // Through a temporary file renamed into place, as the workbook: never half a report.
  await writeFileAtomically(file, (temporary) => fs.writeFile(temporary, bytes));
}
