import { AlignmentType, Document, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import type { Dashboard, IndicatorResult, RagCounts } from "../core/dashboard";
import { alertWord, dateInWords, documentTitle, dotWords, exceptionWords, hasTrend } from "../core/layout";
import { formatValue } from "../core/rules";
import { chartSize } from "./trend-chart-svg";

/**
 * The cover report an analyst writes around the dashboard for each committee, drafted as a Word
 * document with the structure committee papers use (summary, introduction, what the dashboard
 * covers, data that is late or left out, the summary of alerts by service area, the indicators
 * that are RED or worse than last time with their commentary and trend chart, and the
 * recommendation). Everything in it comes from the same Dashboard as the sheet, figures and
 * sentences alike; what only the author can write is left in [square brackets]. Real Heading 1
 * and 2 styles so it navigates and converts well, tables with header rows, charts as images
 * with alternative text, and the language en-GB throughout.
 */

/** A chart image for an indicator, by the indicator's id: the PNG Word shows. */
export type ChartImages = ReadonlyMap<string, Uint8Array>;

/** The indicators the report comments on: every RED and every alert that got worse, in the exception list's order, once each. */
export function commentedIndicators(dashboard: Pick<Dashboard, "exceptions" | "indicators">): IndicatorResult[] {
  const ids: string[] = [];
  for (const e of dashboard.exceptions) if ((e.kind === "red" || e.kind === "worsened") && !ids.includes(e.id)) ids.push(e.id);
  return ids.map((id) => dashboard.indicators.find((i) => i.id === id)).filter((i): i is IndicatorResult => i !== undefined);
}

/** Indicators of the report that get a chart: those commented on whose trend has two results. */
export function chartedIndicators(dashboard: Pick<Dashboard, "exceptions" | "indicators">): IndicatorResult[] {
  return commentedIndicators(dashboard).filter((i) => i.kind === "kpi" && hasTrend(i));
}

const language = "en-GB";

function text(value: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun {
  return new TextRun({ text: value, language: { value: language }, ...options });
}

function para(...runs: (string | TextRun)[]): Paragraph {
  return new Paragraph({ children: runs.map((r) => (typeof r === "string" ? text(r) : r)), spacing: { after: 120 } });
}

/** "1.1  The ... ": a numbered paragraph, numbered by hand as committee papers are. */
function numbered(number: string, ...runs: (string | TextRun)[]): Paragraph {
  return para(text(`${number}  `), ...runs);
}

function heading(level: 1 | 2, value: string): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [text(value)],
    spacing: { before: 240, after: 120 },
  });
}

function cell(value: string, align: "left" | "right" = "left"): TableCell {
  return new TableCell({ children: [new Paragraph({ alignment: align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [text(value)] })] });
}

/** A Word table whose first row is a header row: repeated on every page and read as column headings. */
/** Width of an A4 page's text in twentieths of a point, between margins of an inch. */
const textWidth = 9026;

function table(headings: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = [], shares?: readonly number[]): Table {
  const total = (shares ?? headings.map(() => 1)).reduce((a, b) => a + b, 0);
  const widths = (shares ?? headings.map(() => 1)).map((s) => Math.floor((s / total) * textWidth));
  const header = new TableRow({
    tableHeader: true,
    children: headings.map(
      (h) =>
        new TableCell({
          children: [new Paragraph({ children: [new TextRun({ text: h, bold: true, color: "FFFFFF", language: { value: language } })] })],
          shading: { fill: "1F3864", color: "auto" },
        }),
    ),
  });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, numeric.includes(i) ? "right" : "left")) }))],
  });
}

/** The summary table's count columns: EXCEEDED and Monitor only when the dashboard has them, as on the sheet. */
function countColumns(total: RagCounts): { heading: string; count: (c: RagCounts) => number }[] {
  return [
    ...((total.EXCEEDED ?? 0) > 0 ? [{ heading: "EXCEEDED", count: (c: RagCounts) => c.EXCEEDED ?? 0 }] : []),
    { heading: "GREEN", count: (c) => c.GREEN },
    { heading: "AMBER", count: (c) => c.AMBER },
    { heading: "RED", count: (c) => c.RED },
    { heading: "No data", count: (c) => c.NO_DATA },
    { heading: "No target", count: (c) => c.NO_TARGET },
    ...((total.MONITOR ?? 0) > 0 ? [{ heading: "Monitor", count: (c: RagCounts) => c.MONITOR ?? 0 }] : []),
    { heading: "Activity", count: (c) => c.activity },
    { heading: "Total", count: (c) => c.total },
  ];
}

function value(indicator: IndicatorResult, v: number | null | undefined): string {
  return v === null || v === undefined ? "–" : formatValue(v, indicator.unit);
}

function frequencies(dashboard: Dashboard): string {
  const words: Record<IndicatorResult["frequency"], string> = {
    month: "monthly",
    quarter: "quarterly",
    year: "annual",
    multiYear: "multi-year",
    rolling12: "rolling 12-month",
  };
  const found = [...new Set(dashboard.indicators.filter((i) => i.excluded === null).map((i) => words[i.frequency]))];
  if (found.length <= 1) return `All indicators are shown with ${found[0] ?? "their"} results.`;
  return `Indicators are shown with ${found.slice(0, -1).join(", ")} and ${found[found.length - 1] ?? ""} results, as the data for each are available.`;
}

/** Builds the cover report for a dashboard; `images` holds the PNG of each charted indicator's trend. */
export function coverReportDocument(dashboard: Dashboard, images: ChartImages, options: { readonly author?: string } = {}): Document {
  const name = dashboard.directorate.trim() || dashboard.title.trim() || "Performance";
  const dashboardName = `${name} performance dashboard`;
  const shown = dashboard.indicators.filter((i) => i.excluded === null);
  const kpis = shown.filter((i) => i.kind === "kpi").length;
  const activity = shown.filter((i) => i.kind === "activity").length;
  const commented = commentedIndicators(dashboard);
  const body: (Paragraph | Table)[] = [];

  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [text(`${name} Performance Dashboard`)] }));
  for (const [label, value_] of [
    ["By:", "[Cabinet Member, portfolio; Corporate Director, directorate]"],
    ["To:", "[Committee]"],
    ["Date:", "[Date of the meeting]"],
    ["Subject:", `${name} Performance Dashboard`],
    ["Classification:", "[Unrestricted]"],
  ] as const) {
    body.push(para(text(`${label} `, { bold: true }), value_));
  }
  body.push(
    para(
      text("Summary: ", { bold: true }),
      `The ${dashboardName} provides members with progress against targets set in business plans for key performance and activity indicators.`,
    ),
  );
  body.push(para(text("Recommendation: ", { bold: true }), `Members are asked to REVIEW the ${dashboardName}.`));

  body.push(heading(1, "1. Introduction"));
  body.push(numbered("1.1", `The [number] Performance Dashboard for ${name} for [year] is attached at Appendix 1. ${dashboard.coverage}.`));
  body.push(numbered("1.2", "[When the committee last reviewed the dashboard, and what it covered.]"));
  body.push(
    numbered(
      "1.3",
      "As an outcome of their Performance Review, Members may make reports and recommendations to the Leader, Cabinet Members, the Cabinet or Officers.",
    ),
  );

  body.push(heading(1, `2. ${name} Performance Dashboard`));
  body.push(
    numbered(
      "2.1",
      `The dashboard, attached at Appendix 1, includes the latest available results (${dashboard.coverage.charAt(0).toLowerCase()}${dashboard.coverage.slice(1)}) for ${kpis} Key Performance Indicators (KPIs) and ${activity} Activity Indicators.`,
    ),
  );
  body.push(numbered("2.2", `Data for different indicators are available on different timetables. ${frequencies(dashboard)}`));
  body.push(
    numbered(
      "2.3",
      "Key Performance Indicators are presented with RAG (Red/Amber/Green) alerts to show progress against business plan targets. How the alerts are given is set out in the Guidance Notes, included with the dashboard.",
    ),
  );
  body.push(
    numbered(
      "2.4",
      "Activity Indicators relate to external demand and are not given alerts; their results are compared with the business plan's forecast of expected activity.",
    ),
  );

  body.push(heading(1, "3. Data late or left out"));
  const notes: string[] = [];
  for (const i of dashboard.indicators) {
    const label = [i.ref, i.name].filter((t) => t).join(" ");
    if (i.excluded !== null)
      notes.push(
        `${label} is not included in this iteration of the dashboard: ${i.excluded.replace(/^not included in this iteration[:.]?\s*/i, "").replace(/\.?$/, ".")}`,
      );
    else if (i.actual === null) notes.push(`${label} has no result for ${i.period?.label ?? "the period"}; it is shown as no data, not as RED.`);
    else if (i.stale) notes.push(`${label}: the latest result (${i.period?.label ?? "undated"}) is more than a year old, so it is shown but not rated.`);
  }
  const late = shown.filter(
    (i) =>
      i.period !== null && i.actual !== null && !i.stale && i.period.end < `${dashboard.cutoff}-01` && (i.frequency === "month" || i.frequency === "rolling12"),
  );
  for (const i of late) notes.push(`${[i.ref, i.name].filter((t) => t).join(" ")}: the latest result is for ${i.period?.label ?? ""}.`);
  if (notes.length === 0) notes.push("Every indicator has a result for its latest period.");
  notes.forEach((n, k) => body.push(numbered(`3.${k + 1}`, n)));
  body.push(numbered(`3.${notes.length + 1}`, "[Any other change to the dashboard since the last report, and why.]"));

  body.push(heading(1, "4. Performance indicators summary"));
  body.push(
    numbered("4.1", "To assist members with the performance review, the alerts of each service area are summarised below, with commentary on performance."),
  );
  const columns = countColumns(dashboard.summary.total);
  const counts = (c: RagCounts): string[] => columns.map((col) => String(col.count(c)));
  body.push(
    table(
      ["Service area", ...columns.map((c) => c.heading), "Performance summary"],
      [
        ...dashboard.summary.byServiceArea.map((a) => [a.serviceArea, ...counts(a.counts), `[Summary of performance in ${a.serviceArea}]`]),
        ["Total", ...counts(dashboard.summary.total), ""],
      ],
      columns.map((_, i) => i + 1),
      [5, ...columns.map(() => 2.2), 7],
    ),
  );
  body.push(para(""));
  if (dashboard.exceptions.length > 0) {
    body.push(numbered("4.2", "The exceptions: every RED alert, every alert worse than last time, and every activity outside its expected range."));
    body.push(
      table(
        ["Ref", "Indicator", "Exception", "Reason"],
        dashboard.exceptions.map((e) => [e.ref ?? "", e.name, exceptionWords(e.kind), e.reason]),
        [],
        [1.2, 4, 2.2, 6],
      ),
    );
  }

  body.push(heading(1, "5. Detailed performance indicator commentary"));
  if (commented.length === 0) body.push(para("No indicator is RED or has a worse alert than last time."));
  commented.forEach((i, k) => {
    body.push(heading(2, `5.${k + 1} ${[i.ref, i.name].filter((t) => t).join(" ")}`));
    body.push(
      table(
        ["Period", "Result", "Target", "Floor", "Alert", "Direction of travel", "Previous result", "Previous alert"],
        [
          [
            i.period?.label ?? "",
            value(i, i.actual),
            value(i, i.target),
            value(i, i.floor),
            alertWord(i.rag),
            dotWords(i.dot),
            value(i, i.previous?.actual),
            alertWord(i.previous?.rag),
          ],
        ],
        [1, 2, 3, 6],
      ),
    );
    if (i.reason) body.push(para(`${alertWord(i.rag)}: ${i.reason}`));
    const image = images.get(i.id);
    if (image && hasTrend(i)) {
      body.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: "png",
              data: image,
              transformation: { width: chartSize.width, height: chartSize.height },
              altText: { name: `Trend of ${i.ref ?? i.name}`, title: [i.ref, i.name].filter((t) => t).join(" "), description: i.trendDescription ?? i.name },
            }),
          ],
        }),
      );
    }
    body.push(para(i.commentary ? i.commentary : "[Commentary on performance, its causes and the action being taken.]"));
  });

  body.push(heading(1, "6. Recommendations"));
  body.push(numbered("6.1", `Members are asked to REVIEW the ${dashboardName}.`));
  body.push(heading(2, "Background documents"));
  body.push(para("[The business plans the targets come from, and where they are published.]"));
  body.push(heading(2, "Contact information"));
  for (const line of ["Name: [Name]", "Team: [Team]", "Tel No: [Telephone]"]) body.push(para(line));
  body.push(para(text(`Drafted from the dashboard produced ${dateInWords(dashboard.produced)}.`, { italics: true })));

  return new Document({
    title: `${documentTitle(dashboard)}: cover report`,
    description: `Draft cover report for the ${dashboardName}`,
    creator: options.author?.trim() ?? "",
    lastModifiedBy: options.author?.trim() ?? "",
    styles: { default: { document: { run: { font: "Arial", size: 22, language: { value: language } } } } },
    sections: [{ children: body }],
  });
}
