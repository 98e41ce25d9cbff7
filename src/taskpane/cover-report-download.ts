/**
 * "Draft the cover report" in the task pane: the same Word document the command line's --docx
 * writes (src/report/cover-report.ts, from the Dashboard just built), downloaded by the browser.
 * The trend charts are the same SVG drawings, turned into PNG by the browser's own canvas. This
 * module and the docx package are loaded only when the button is pressed (webpack puts them in a
 * chunk of their own), so the pane itself stays small.
 */
import { Packer } from "docx";
import type { Dashboard } from "../core/dashboard";
import { chartedIndicators, coverReportDocument } from "../report/cover-report";
import { chartSize, trendChartSvg } from "../report/trend-chart-svg";

/** An SVG drawing as PNG bytes, drawn at twice its size by the browser's canvas. */
async function svgToPng(svg: string): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The browser could not draw a trend chart."));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = chartSize.width * 2;
    canvas.height = chartSize.height * 2;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("The browser could not draw a trend chart.");
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The browser could not draw a trend chart."))), "image/png"),
    );
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name for the report: the dashboard's heading and month, without characters file systems refuse. */
export function reportFileName(dashboard: Pick<Dashboard, "directorate" | "title" | "cutoff">): string {
  const heading = (dashboard.directorate.trim() || dashboard.title.trim() || "Performance").replace(/[\\/:*?"<>|]+/g, " ").trim();
  return `${heading} cover report ${dashboard.cutoff}.docx`;
}

/** Builds the cover report of `dashboard` and has the browser download it. */
export async function downloadCoverReport(dashboard: Dashboard): Promise<void> {
  const images = new Map<string, Uint8Array>();
  for (const indicator of chartedIndicators(dashboard)) images.set(indicator.id, await svgToPng(trendChartSvg(indicator)));
  const blob = await Packer.toBlob(coverReportDocument(dashboard, images));
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = reportFileName(dashboard);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
