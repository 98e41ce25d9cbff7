import type { Dashboard } from "../dashboard";
import type { Settings } from "../settings";
import { rowRange, textCell, type SheetBuilder } from "./sheet-builder";
import { subtitleStyle, titleNoteStyle, titleStyle } from "./styles";
import { dateInWords, monthInWords } from "./words";

const dashboardWords = "Performance Dashboard";

/** The main heading: the directorate when there is one, else the workbook's title. */
export function dashboardHeading(settings: Pick<Settings, "directorate" | "title">): string {
  const directorate = settings.directorate.trim();
  if (directorate) return directorate;
  return settings.title.trim() || dashboardWords;
}

/**
 * The document's title, for the PDF's and the cover report's properties: the heading, "Performance
 * Dashboard" (unless the heading says it) and the month reported: "Customer & Communities
 * Performance Dashboard, January 2013".
 */
export function documentTitle(dashboard: Pick<Dashboard, "directorate" | "title" | "cutoff">): string {
  const heading = dashboardHeading(dashboard);
  const named = heading.toLowerCase().includes(dashboardWords.toLowerCase()) ? heading : `${heading} ${dashboardWords}`;
  return `${named}, ${monthInWords(dashboard.cutoff)}`;
}

/**
 * Adds the title block at the top of the sheet: heading, "Performance Dashboard" (unless the
 * heading already says it), the period covered and the date produced. Returns its last row,
 * which is also the last frozen row and the last row repeated on every printed page.
 */
export function addTitleBlock(builder: SheetBuilder, dashboard: Dashboard, settings: Settings): number {
  const lines: { text: string; style: typeof titleStyle; height: number }[] = [];
  const heading = dashboardHeading(settings);
  lines.push({ text: heading, style: titleStyle, height: 24 });
  if (heading.toLowerCase() !== dashboardWords.toLowerCase()) {
    lines.push({ text: dashboardWords, style: subtitleStyle, height: 19.5 });
  }
  lines.push({ text: dashboard.coverage, style: titleNoteStyle, height: 15 });
  lines.push({ text: `Produced ${dateInWords(dashboard.produced)}`, style: titleNoteStyle, height: 15 });

  let last = 0;
  for (const line of lines) {
    last = builder.addRow([textCell(line.text)], line.height);
    // Centred across the printed columns rather than merged over them: the accessibility checker
    // flags merged cells, and screen readers and sorting trip over them.
    builder.style(rowRange(last, builder.cols), { ...line.style, hAlign: "centerAcross" });
  }
  return last;
}
