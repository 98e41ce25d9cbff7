import assert from "node:assert/strict";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { coverReportBytes } from "../../src/cli/cover-report-file";
import { readWorkbookGrids } from "../../src/cli/xlsx-reader";
import type { Dashboard, RagCounts } from "../../src/core/dashboard";
import { runPipeline } from "../../src/core/pipeline";
import { parseSettings } from "../../src/core/settings";
import { chartedIndicators, commentedIndicators } from "../../src/report/cover-report";
import { axisSteps, trendChartSvg } from "../../src/report/trend-chart-svg";

/**
 * The cover report read back from its .docx by a second reader (JSZip and fast-xml-parser): its
 * headings, its tables' header rows, its figures against the dashboard the sheet was made from
 * (the JSON's), its charts' alternative text and its language.
 */

const sample = path.join(__dirname, "..", "..", "assets", "sample-performance.xlsx");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true });

type Node = Record<string, unknown>;
/** Every element named `name` below `nodes`, in document order. */
function all(nodes: unknown, name: string): Node[] {
  const out: Node[] = [];
  const walk = (n: unknown): void => {
    if (!Array.isArray(n)) return;
    for (const child of n as Node[]) {
      for (const [k, v] of Object.entries(child)) {
        if (k === ":@") continue;
        if (k === name) out.push(child);
        walk(v);
      }
    }
  };
  walk(nodes);
  return out;
}
const attrs = (n: Node): Record<string, string> => (n[":@"] ?? {}) as Record<string, string>;
/** The text of an element (its w:t runs). */
function textOf(n: Node): string {
  return all([n], "w:t")
    .map((t) => ((t["w:t"] as Node[])[0]?.["#text"] ?? "") as string)
    .join("");
}

describe("the cover report", function () {
  this.timeout(60_000);
  let dashboard: Dashboard;
  let doc: unknown;
  let styles: string;

  before(async () => {
    const parsed = parseSettings({ period: "2013-01", title: "Customer & Communities", directorate: "Customer & Communities" });
    assert.ok(parsed.ok);
    dashboard = runPipeline(await readWorkbookGrids(sample), parsed.settings, "2026-12-03").dashboard;
    const zip = await JSZip.loadAsync(await coverReportBytes(dashboard, null));
    doc = parser.parse((await zip.file("word/document.xml")?.async("string")) ?? "");
    styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  });

  const paragraphs = (): { style: string; text: string }[] =>
    all(doc, "w:p").map((p) => ({ style: attrs(all([p], "w:pStyle")[0] ?? {})["@w:val"] ?? "", text: textOf(p) }));

  it("uses Word's Heading 1 and Heading 2 styles for its sections and for each indicator commented on", () => {
    const headings = paragraphs().filter((p) => /^Heading[12]$/.test(p.style));
    const ones = headings.filter((h) => h.style === "Heading1").map((h) => h.text);
    assert.deepEqual(ones, [
      "1. Introduction",
      "2. Customer & Communities Performance Dashboard",
      "3. Data late or left out",
      "4. Performance indicators summary",
      "5. Detailed performance indicator commentary",
      "6. Recommendations",
    ]);
    const commented = commentedIndicators(dashboard);
    assert.ok(commented.length >= 3, "the sample has REDs and worse alerts");
    const twos = headings.filter((h) => h.style === "Heading2").map((h) => h.text);
    for (const [k, i] of commented.entries()) assert.equal(twos[k], `5.${k + 1} ${i.ref ?? ""} ${i.name}`.replace("  ", " "));
    assert.match(styles, /w:styleId="Heading1"/);
  });

  it("gives every table a header row, and the summary's counts are the dashboard's", () => {
    const tables = all(doc, "w:tbl");
    assert.ok(tables.length >= 2 + commentedIndicators(dashboard).length);
    for (const table of tables) {
      const rows = all([table], "w:tr");
      assert.ok(all([rows[0] ?? {}], "w:tblHeader").length === 1, "the first row is a header row");
      assert.ok(
        rows.slice(1).every((r) => all([r], "w:tblHeader").length === 0),
        "and only the first",
      );
    }
    const summary = tables.find((t) => textOf(all([t], "w:tr")[0] ?? {}).startsWith("Service area"));
    assert.ok(summary);
    const [head = [], ...rows] = all([summary], "w:tr").map((r) => all([r], "w:tc").map((c) => textOf(c)));
    // The count columns are the sheet's: EXCEEDED and Monitor only when the dashboard has them.
    const t = dashboard.summary.total;
    const columns: [string, (c: RagCounts) => number][] = [
      ...((t.EXCEEDED ?? 0) > 0 ? [["EXCEEDED", (c: RagCounts) => c.EXCEEDED ?? 0] as [string, (c: RagCounts) => number]] : []),
      ["GREEN", (c) => c.GREEN],
      ["AMBER", (c) => c.AMBER],
      ["RED", (c) => c.RED],
      ["No data", (c) => c.NO_DATA],
      ["No target", (c) => c.NO_TARGET],
      ...((t.MONITOR ?? 0) > 0 ? [["Monitor", (c: RagCounts) => c.MONITOR ?? 0] as [string, (c: RagCounts) => number]] : []),
      ["Activity", (c) => c.activity],
      ["Total", (c) => c.total],
    ];
    assert.deepEqual(head, ["Service area", ...columns.map(([h]) => h), "Performance summary"]);
    const byArea = new Map(rows.map((r) => [r[0], r.slice(1, 1 + columns.length).map(Number)]));
    for (const a of dashboard.summary.byServiceArea)
      assert.deepEqual(
        byArea.get(a.serviceArea),
        columns.map(([, count]) => count(a.counts)),
        a.serviceArea,
      );
    assert.deepEqual(
      byArea.get("Total"),
      columns.map(([, count]) => count(t)),
    );
    const summaryColumn = 1 + columns.length;
    assert.ok(
      rows.every((r) => r[0] === "Total" || /^\[Summary of performance in .+\]$/.test(r[summaryColumn] ?? "")),
      "the commentary is left to the author, in square brackets",
    );
  });

  it("puts each commented indicator's trend chart in as an image with its alternative text", () => {
    const charted = chartedIndicators(dashboard);
    assert.ok(charted.length >= 2);
    const pictures = all(doc, "wp:docPr").map(attrs);
    assert.equal(pictures.length, charted.length);
    charted.forEach((i, k) => {
      assert.equal(pictures[k]?.["@descr"], i.trendDescription);
      assert.equal(pictures[k]?.["@title"], `${i.ref ?? ""} ${i.name}`.trim());
    });
  });

  it("is in en-GB, with placeholders in square brackets for what only the author can write", () => {
    assert.match(styles, /<w:lang w:val="en-GB"/);
    const body = paragraphs()
      .map((p) => p.text)
      .join("\n");
    for (const placeholder of ["[Committee]", "[Date of the meeting]", "[Name]"]) assert.ok(body.includes(placeholder), placeholder);
    assert.match(body, /Members are asked to REVIEW the Customer & Communities performance dashboard\./);
    assert.ok(body.includes(dashboard.coverage), "the period, in the dashboard's words");
  });
});

describe("trendChartSvg", () => {
  it("draws the results with markers and the target dashed, on round steps, titled and with both axes titled", () => {
    const svg = trendChartSvg({
      ref: "CR01",
      name: "Calls answered",
      unit: "percentage",
      frequency: "month",
      trend: [
        { label: "Nov 2012", actual: 0.78, target: 0.8 },
        { label: "Dec 2012", actual: null, target: 0.8 },
        { label: "Jan 2013", actual: 0.82, target: 0.8 },
      ],
    });
    assert.match(svg, /CR01 Calls answered/);
    assert.equal((svg.match(/<circle /g) ?? []).length, 2, "a marker per result, none for the missing one");
    assert.match(svg, /stroke-dasharray/);
    assert.match(svg, />Month</);
    assert.match(svg, />Per cent</);
    assert.match(svg, /M[\d.]+ [\d.]+\s*"/, "a missing result breaks the line: two one-point runs");
  });

  it("chooses about five round steps that cover the figures", () => {
    assert.deepEqual(axisSteps(0.7, 0.82), [0.7, 0.75, 0.8, 0.85]);
    const steps = axisSteps(3, 97);
    assert.ok(steps[0] !== undefined && steps[0] <= 3 && (steps[steps.length - 1] ?? 0) >= 97 && steps.length <= 7, steps.join(","));
  });
});
