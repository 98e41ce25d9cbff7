import { strict as assert } from "node:assert";
import type { SheetPlan } from "../../src/core/sheet-plan";
import { cellInput, columnWidthChars, columnWidthPoints, mergeBlocks, rowHeightBlocks, styleBlocks, writeSheetPlan } from "../../src/excel/dashboard-writer";
import { createFakeExcel, type FakeExcel, type SheetDescription } from "./fake-excel";
import { chartPlan, smallPlan } from "./small-plan";

/** Writes a plan on a sheet "Out"; with `stylesOneByOne`, each style entry as a call of its own (as the writer did before grouping). */
async function write(
  plan: SheetPlan,
  options: { maxRequestBytes?: number } = {},
  fake = createFakeExcel({ sheets: [{ name: "Data", values: [["x"]] }] }),
  stylesOneByOne = false,
): Promise<{ fake: FakeExcel; sheet: SheetDescription; extraSyncs: number }> {
  let extraSyncs = 0;
  await fake.Excel.run(async (context: Excel.RequestContext) => {
    const ws = context.workbook.worksheets.add("Out");
    if (stylesOneByOne) {
      // The styles one at a time through the writer itself, each a plan of its own.
      extraSyncs = await writeSheetPlan(context, ws, { ...plan, styles: [] }, options);
      for (const style of plan.styles)
        await writeSheetPlan(
          context,
          ws,
          {
            ...plan,
            rows: 0,
            cols: 0,
            styles: [style],
            conditionalFormats: [],
            merges: [],
            tables: [],
            charts: [],
            rowHeights: [],
            columnWidths: [],
            print: { ...plan.print, rowBreaks: [] },
          },
          options,
        );
    } else {
      extraSyncs = await writeSheetPlan(context, ws, plan, options);
    }
    await context.sync();
  });
  return { fake, sheet: fake.describeSheet("Out"), extraSyncs };
}

describe("dashboard writer", () => {
  it("keeps formula-looking text as text: =1+1, +44 20…, -5%, @SUM(A1) and a leading apostrophe", async () => {
    const { sheet } = await write(smallPlan());
    for (const [addr, text] of [
      ["A3", "=1+1"],
      ["B3", "+44 20 7946 0000"],
      ["A4", "-5%"],
      ["B4", "@SUM(A1)"],
      ["A5", "'quoted"],
      ["B5", "Jan 2013"],
    ] as const) {
      assert.equal(sheet.cells[addr]?.formula, null, `${addr} is not a formula`);
      assert.equal(sheet.cells[addr]?.value, text, `${addr} keeps its text`);
    }
  });

  it("writes text cells with the text number format and numbers with theirs", async () => {
    const { sheet } = await write(smallPlan());
    assert.equal(sheet.numberFormats["A3"], "@");
    assert.equal(sheet.numberFormats["C3"], "0.0%");
    assert.equal(sheet.cells["C3"]?.value, 0.82);
    assert.equal(sheet.cells["C5"], undefined, "a null plan value leaves the cell empty");
  });

  it("writes everything in one request for a normal plan", async () => {
    const { fake, extraSyncs } = await write(smallPlan());
    assert.equal(extraSyncs, 0);
    assert.equal(fake.stats.syncs, 1);
  });

  it("splits the values into row blocks only when a request would pass the budget", async () => {
    const plan = smallPlan(3000);
    const whole = await write(plan);
    assert.equal(whole.fake.stats.syncs, 1);
    const budget = 60_000;
    const split = await write(plan, { maxRequestBytes: budget });
    assert.ok(split.extraSyncs >= 3, `expected several requests, got ${split.extraSyncs + 1}`);
    for (const r of split.fake.stats.requests) assert.ok(r.bytes <= budget, `request of ${r.bytes} bytes`);
    assert.deepEqual(split.sheet.cells, whole.sheet.cells);
    assert.deepEqual(split.sheet.conditionalFormats, whole.sheet.conditionalFormats);
  });

  it("adds the conditional-format rules in the plan's priority order, each stopping lower ones", async () => {
    const { sheet } = await write(smallPlan());
    assert.deepEqual(
      sheet.conditionalFormats.map((c) => [c.range, c.formula, c.fill, c.stopIfTrue]),
      [
        ["D3:D5", '=$D3="GREEN"', "#B7E1C0", true],
        ["D3:D5", '=$D3="AMBER"', "#FFEB9C", true],
        ["D3:D5", '=$D3="RED"', "#F8B4BC", true],
      ],
    );
    assert.equal(sheet.conditionalFormats[2]?.bold, true);
  });

  it("sets merges, sizes, view and tab as planned", async () => {
    const { sheet } = await write(smallPlan());
    assert.deepEqual(sheet.merges, ["A1:D1"]);
    assert.equal(sheet.columnWidths["B"], 40 * 5.25 + 3.75);
    assert.equal(sheet.rowHeights[1], 24);
    assert.deepEqual(sheet.freeze, { rows: 2, columns: 1 });
    assert.equal(sheet.showGridlines, false);
    assert.equal(sheet.tabColor, "#1F3864");
    assert.equal(sheet.formats["A2"]?.fill, "#1F3864");
    assert.equal(sheet.formats["A1"]?.size, 16);
    assert.equal(sheet.formats["B3"]?.fontName, "Arial");
    assert.deepEqual(sheet.formats["B3"]?.borders?.["EdgeBottom"], { style: "Continuous", weight: "Thin", color: "#A6A6A6" });
    assert.deepEqual(sheet.formats["B4"]?.borders?.["EdgeBottom"], { style: "Continuous", weight: "Thin", color: "#A6A6A6" });
  });

  it("sets the page for A4 printing", async () => {
    const { sheet } = await write(smallPlan());
    const p = sheet.pageLayout;
    assert.equal(p.orientation, "Landscape");
    assert.equal(p.paperSize, "A4");
    assert.deepEqual(p.zoom, { horizontalFitToPages: 1, verticalFitToPages: 0 });
    assert.equal(p.printArea, "A1:D5");
    assert.equal(p.printTitleRows, "$2:$2");
    assert.deepEqual(p.margins, { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 });
    assert.deepEqual(p.footer, { left: "Produced &D", center: "", right: "Page &P of &N" });
    assert.deepEqual(sheet.pageBreaks, [4]);
  });

  it("adds a line chart with a dashed target series", async () => {
    const { sheet } = await write(smallPlan());
    const chart = sheet.charts[0];
    assert.equal(chart?.type, "Line");
    assert.equal(chart?.title, "Indicator trend");
    assert.deepEqual(chart?.position, { start: "F2", end: "J10" });
    assert.equal(chart?.series[1]?.lineStyle, "Dash");
    assert.equal(chart?.series[0]?.xValues, "A3:A5");
  });

  it("draws each planned chart as a line over its anchor: results with markers, the target dashed, no legend", async () => {
    const plan: SheetPlan = {
      ...smallPlan(),
      charts: [
        chartPlan({ name: "Trend 1", title: "CR01 Calls answered", anchor: "F2:J10", categories: "A3:A5", actual: "C3:C5", target: "E3:E5" }),
        chartPlan({
          name: "Trend 2",
          title: "CS01 Recorded crime",
          anchor: "K2:O10",
          categories: "A3:A4",
          actual: "C3:C4",
          target: null,
          axisTitles: { category: "12 months ending", value: "Number" },
        }),
      ],
    };
    const { sheet, fake } = await write(plan);
    assert.equal(fake.stats.syncs, 1, "charts go in the same request as the rest");
    assert.equal(sheet.charts.length, 2);
    const [withTarget, without] = sheet.charts;
    assert.equal(withTarget?.type, "Line");
    assert.equal(withTarget?.seriesBy, "Rows");
    assert.equal(withTarget?.title, "CR01 Calls answered");
    assert.equal(withTarget?.titleSize, 10);
    assert.equal(withTarget?.legendVisible, false);
    assert.deepEqual(withTarget?.position, { start: "F2", end: "J10" });
    assert.deepEqual(
      withTarget?.series.map((s) => [s.name, s.values, s.xValues, s.lineStyle, s.markerStyle]),
      [
        ["Result", "C3:C5", "A3:A5", null, "Circle"],
        ["Target", "E3:E5", "A3:A5", "Dash", "None"],
      ],
    );
    assert.deepEqual(
      without?.series.map((s) => [s.name, s.values, s.xValues]),
      [["Result", "C3:C4", "A3:A4"]],
    );
    assert.deepEqual(without?.position, { start: "K2", end: "O10" });
  });

  it("marks each planned table as an Excel table with its header row, without filter buttons or banding", async () => {
    const { sheet } = await write(smallPlan());
    assert.deepEqual(
      sheet.tables.map((t) => [t.range, t.showHeaders, t.showFilterButton, t.showBandedRows, t.style]),
      [["A2:D5", true, false, false, "TableStyleLight1"]],
    );
    assert.deepEqual(sheet.tables[0]?.headers, ["Ref", "Indicator", "Result", "Alert"]);
  });

  it("gives each chart its name, alternative text (through the chart's shape) and axis titles", async () => {
    const plan: SheetPlan = {
      ...smallPlan(),
      charts: [chartPlan({ name: "Trend 7", title: "CR01 Calls answered", anchor: "F2:J10", categories: "A3:A5", actual: "C3:C5", target: "E3:E5" })],
    };
    const { sheet, fake } = await write(plan);
    assert.equal(fake.stats.syncs, 1, "in the same request as the rest");
    const chart = sheet.charts[0];
    assert.equal(chart?.name, "Trend 7");
    assert.deepEqual(chart?.altText, {
      title: "CR01 Calls answered",
      description: "CR01 Calls answered, January 2013 to March 2013, against a target of 80.0%.",
    });
    assert.deepEqual(chart?.axisTitles, { category: "Month", value: "Per cent" });
  });

  it("centres across the selection where the plan says so, merging nothing", async () => {
    const plan: SheetPlan = { ...smallPlan(), merges: [], styles: [{ range: "A1:D1", style: { hAlign: "centerAcross", bold: true } }] };
    const { sheet } = await write(plan);
    assert.deepEqual(sheet.merges, []);
    for (const a of ["A1", "B1", "C1", "D1"]) assert.equal(sheet.formats[a]?.hAlign, "CenterAcrossSelection", a);
  });

  it("sends a style repeated over many parts of the sheet as one call, with the same cells as one call a part", async () => {
    const parts = Array.from({ length: 12 }, (_, i) => 3 + i * 4);
    const styles: SheetPlan["styles"] = [
      ...parts.map((r) => ({ range: `A${r}:D${r + 2}`, style: { borderBottom: "thin" as const, vAlign: "top" as const } })),
      ...parts.map((r) => ({ range: `B${r}:B${r + 2}`, style: { wrap: true } })),
    ];
    const plan: SheetPlan = { ...smallPlan(50), merges: [], tables: [], charts: [], styles };
    const grouped = styleBlocks(styles);
    assert.ok(grouped.length <= 4, `${grouped.length} calls for ${styles.length} styles`);
    const { sheet } = await write(plan);
    const one = await write(plan, {}, undefined, true);
    assert.deepEqual(sheet.formats, one.sheet.formats);
  });

  it("keeps the plan's order where a style between two equal ones touches the same cells", () => {
    const styles: SheetPlan["styles"] = [
      { range: "A1:B2", style: { bold: true } },
      { range: "A2:B2", style: { bold: false } },
      { range: "A2:B3", style: { bold: true } },
    ];
    assert.equal(styleBlocks(styles).length, 3);
  });

  it("quotes text that Excel would parse and leaves plain text in text cells alone", () => {
    assert.equal(cellInput("=1+1", "@"), "'=1+1");
    assert.equal(cellInput("Libraries", "@"), "Libraries");
    assert.equal(cellInput("Jan 2013", "General"), "'Jan 2013");
    assert.equal(cellInput(null, "General"), "");
    assert.equal(cellInput(Number.NaN, "0"), "");
  });

  it("merges a list of one-row merges over the same columns in one call, row by row", () => {
    const merges = ["D12:N12", "A1:N1", "D10:N10", "D11:N11", "B3:C4", "D14:N14"];
    const byRange = (x: { range: string }, y: { range: string }): number => x.range.localeCompare(y.range);
    assert.deepEqual(mergeBlocks(merges).sort(byRange), [
      { range: "A1:N1", across: false },
      { range: "B3:C4", across: false },
      { range: "D10:N12", across: true },
      { range: "D14:N14", across: false },
    ]);
  });

  it("sets row heights per height, in address lists short enough for getRanges", () => {
    const heights = [5, 6, 7, 9, 20].map((row) => ({ row, height: 25.5 })).concat([{ row: 8, height: 15 }]);
    assert.deepEqual(rowHeightBlocks(heights), [
      { rows: "5:7,9:9,20:20", height: 25.5 },
      { rows: "8:8", height: 15 },
    ]);
    // Every other row wrapped, over a long table: many runs, few calls, no list over 250 characters.
    const scattered = Array.from({ length: 2000 }, (_, i) => ({ row: 10 + i * 2, height: 25.5 }));
    const blocks = rowHeightBlocks(scattered);
    assert.ok(blocks.every((b) => b.rows.length <= 250));
    assert.equal(blocks.flatMap((b) => b.rows.split(",")).length, 2000);
    assert.ok(blocks.length < 2000 / 20, `${blocks.length} calls`);
  });

  it("leaves the same merges and row heights whether rows are grouped or not", async () => {
    const plan: SheetPlan = {
      ...smallPlan(),
      merges: ["A20:C20", "A21:C21", "A22:C22"],
      rowHeights: [20, 22, 24].map((row) => ({ row, height: 30 })),
    };
    const { sheet } = await write(plan);
    assert.deepEqual([...sheet.merges].sort(), ["A20:C20", "A21:C21", "A22:C22"]);
    assert.deepEqual([sheet.rowHeights[20], sheet.rowHeights[22], sheet.rowHeights[24], sheet.rowHeights[21]], [30, 30, 30, undefined]);
  });

  it("converts widths with one factor both ways", () => {
    assert.equal(columnWidthPoints(10), 56.25);
    assert.equal(columnWidthChars(columnWidthPoints(13.5)), 13.5);
  });
});
