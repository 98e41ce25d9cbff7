import assert from "node:assert/strict";
import path from "node:path";
import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { rangeBounds } from "../../src/core/a1";
import { readWorkbookGrids } from "../../src/cli/xlsx-reader";
import { writeDashboardWorkbook } from "../../src/cli/xlsx-writer";
import { runPipeline } from "../../src/core/pipeline";
import { parseSettings } from "../../src/core/settings";
import type { SheetPlan } from "../../src/core/sheet-plan";

/**
 * The command line's workbook read back by a second reader: the package unzipped with JSZip and
 * its XML parsed with fast-xml-parser, never with the code that wrote it. What must be there:
 * the trend charts as native Excel charts, anchored where the plan puts them, with their
 * alternative text; the tables with header rows; and the document's title and language.
 */

const sample = path.join(__dirname, "..", "..", "assets", "sample-performance.xlsx");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["xdr:twoCellAnchor", "c:ser", "c:pt", "tableColumn", "Relationship", "Override", "a:r"].includes(name),
});

type Xml = Record<string, unknown>;
const get = (x: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Xml)[k] : undefined), x);
const list = (x: unknown): Xml[] => (Array.isArray(x) ? (x as Xml[]) : x === undefined ? [] : [x as Xml]);

async function samplePlan(): Promise<SheetPlan> {
  const parsed = parseSettings({ period: "2013-01", title: "Customer & Communities", charts: true });
  assert.ok(parsed.ok);
  return runPipeline(await readWorkbookGrids(sample), parsed.settings, "2026-12-03").plan;
}

/** The text of a c:title (c:tx/c:rich/a:p/a:r/a:t). */
function titleText(title: unknown): string {
  return list(get(title, "c:tx", "c:rich", "a:p", "a:r"))
    .map((r) => String(r["a:t"]))
    .join("");
}

describe("the command line's workbook package", function () {
  this.timeout(60_000);
  let plan: SheetPlan;
  let zip: JSZip;
  const read = async (part: string): Promise<Xml> => parser.parse((await zip.file(part)?.async("string")) ?? "") as Xml;

  before(async () => {
    plan = await samplePlan();
    const bytes = await writeDashboardWorkbook(plan, {
      title: "Customer & Communities Performance Dashboard, January 2013",
      author: "",
      language: "en-GB",
      created: new Date("2026-12-03T00:00:00Z"),
    });
    zip = await JSZip.loadAsync(bytes);
  });

  it("holds a native chart for every planned chart, in a drawing the dashboard sheet refers to", async () => {
    assert.ok(plan.charts.length >= 10, `${plan.charts.length} charts planned`);
    const rels = await read("xl/worksheets/_rels/sheet1.xml.rels");
    const drawingRel = list(get(rels, "Relationships", "Relationship")).find((r) => String(r["@Type"]).endsWith("/drawing"));
    assert.ok(drawingRel, "the sheet has a drawing");
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    assert.match(sheet, new RegExp(`<drawing r:id="${String(drawingRel["@Id"])}"/>`));
    const drawing = await read(`xl/drawings/${path.basename(String(drawingRel["@Target"]))}`);
    const anchors = list(get(drawing, "xdr:wsDr", "xdr:twoCellAnchor"));
    assert.equal(anchors.length, plan.charts.length);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    plan.charts.forEach((chart, i) => {
      const anchor = anchors[i];
      const b = rangeBounds(chart.anchor);
      assert.ok(anchor && b);
      assert.deepEqual([get(anchor, "xdr:from", "xdr:col"), get(anchor, "xdr:from", "xdr:row")], [b.left, b.top], `${chart.name} starts on its anchor`);
      assert.deepEqual([get(anchor, "xdr:to", "xdr:col"), get(anchor, "xdr:to", "xdr:row")], [b.right + 1, b.bottom + 1], `${chart.name} ends on its anchor`);
      const props = get(anchor, "xdr:graphicFrame", "xdr:nvGraphicFramePr", "xdr:cNvPr") as Xml;
      assert.equal(props["@name"], chart.name);
      assert.equal(props["@title"], chart.altText.title, "alternative text: the title");
      assert.equal(props["@descr"], chart.altText.description, "alternative text: the description");
      assert.match(String(props["@descr"]), /, .+ to .+, (against a target of .+|against targets from .+|with no target set); latest result .+ in .+\.$/);
    });
    assert.equal((types.match(/drawingml\.chart\+xml/g) ?? []).length, plan.charts.length, "each chart part has its content type");
    assert.match(types, /PartName="\/xl\/drawings\/drawing1\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"/);
  });

  it("draws each chart as the add-in does: results with markers, the target dashed, titled, both axes titled, over the plan's cells", async () => {
    const drawingRels = await read("xl/drawings/_rels/drawing1.xml.rels");
    const targets = list(get(drawingRels, "Relationships", "Relationship")).map((r) => String(r["@Target"]));
    assert.equal(targets.length, plan.charts.length);
    for (const [i, chart] of plan.charts.entries()) {
      const part = await read(`xl/charts/${path.basename(targets[i] ?? "")}`);
      const c = get(part, "c:chartSpace", "c:chart") as Xml;
      assert.equal(titleText(c["c:title"]), chart.title);
      const line = get(c, "c:plotArea", "c:lineChart") as Xml;
      const series = list(line["c:ser"]);
      assert.equal(series.length, chart.target ? 2 : 1);
      const [actual, target] = series;
      assert.equal(get(actual, "c:tx", "c:v"), "Result");
      assert.equal(get(actual, "c:marker", "c:symbol", "@val"), "circle");
      assert.equal(get(actual, "c:spPr", "a:ln", "a:prstDash"), undefined, "the result is a solid line");
      const absolute = (range: string): string =>
        range
          .split(":")
          .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
          .join(":");
      assert.equal(get(actual, "c:cat", "c:strRef", "c:f"), `'Dashboard'!${absolute(chart.categories)}`);
      assert.equal(get(actual, "c:val", "c:numRef", "c:f"), `'Dashboard'!${absolute(chart.actual)}`);
      // The cached values are the plan's cells, missing results left out (a gap, never zero).
      const b = rangeBounds(chart.actual);
      assert.ok(b);
      const planned = (plan.values[b.top] ?? []).slice(b.left, b.right + 1);
      const cached = list(get(actual, "c:val", "c:numRef", "c:numCache", "c:pt"));
      assert.deepEqual(
        cached.map((p) => Number(p["c:v"])),
        planned.filter((v): v is number => typeof v === "number"),
      );
      if (target) {
        assert.equal(get(target, "c:tx", "c:v"), "Target");
        assert.equal(get(target, "c:spPr", "a:ln", "a:prstDash", "@val"), "dash");
      }
      assert.equal(titleText(get(c, "c:plotArea", "c:catAx", "c:title")), chart.axisTitles.category);
      assert.equal(titleText(get(c, "c:plotArea", "c:valAx", "c:title")), chart.axisTitles.value);
      assert.equal(get(c, "c:dispBlanksAs", "@val"), "gap");
    }
  });

  it("makes every planned table an Excel table whose header row is its column names", async () => {
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ArrayBuffer);
    const ws = back.getWorksheet("Dashboard");
    assert.ok(ws, "exceljs reads the finished package back");
    const sheetRels = list(get(await read("xl/worksheets/_rels/sheet1.xml.rels"), "Relationships", "Relationship")).filter((r) =>
      String(r["@Type"]).endsWith("/table"),
    );
    assert.equal(sheetRels.length, plan.tables.length);
    const names = new Set<string>();
    for (const rel of sheetRels) {
      const table = get(await read(`xl/tables/${path.basename(String(rel["@Target"]))}`), "table") as Xml;
      const b = rangeBounds(String(table["@ref"]));
      assert.ok(b && b.bottom > b.top);
      assert.notEqual(table["@headerRowCount"], 0, "a header row");
      assert.equal(get(table, "autoFilter"), undefined, "no filter buttons to print");
      names.add(String(table["@name"]));
      const columns = list(get(table, "tableColumns", "tableColumn")).map((c) => String(c["@name"]));
      const header: unknown[] = columns.map((_, k): unknown => ws.getCell(b.top + 1, b.left + 1 + k).value);
      assert.deepEqual(header, columns, `${String(table["@name"])}: the column names are the header cells`);
    }
    assert.equal(names.size, plan.tables.length, "names are unique");
  });

  it("titles the document, gives its language as en-GB and leaves the author for the council", async () => {
    const core = get(await read("docProps/core.xml"), "cp:coreProperties") as Xml;
    assert.equal(core["dc:title"], "Customer & Communities Performance Dashboard, January 2013");
    assert.equal(core["dc:language"], "en-GB");
    assert.equal(core["dc:creator"], undefined, "no author unless one is given");
  });
});
