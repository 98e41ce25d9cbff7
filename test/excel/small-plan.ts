import type { ChartPlan, PlanValue, SheetPlan } from "../../src/core/sheet-plan";

/** A chart of the plan with the given ranges and title, its other parts filled in plainly. */
export function chartPlan(parts: Pick<ChartPlan, "title" | "anchor" | "categories" | "actual" | "target"> & Partial<ChartPlan>): ChartPlan {
  return {
    name: "Trend 1",
    altText: { title: parts.title, description: `${parts.title}, January 2013 to March 2013, against a target of 80.0%.` },
    axisTitles: { category: "Month", value: "Per cent" },
    seriesNames: { actual: "Result", target: "Target" },
    numberFormat: "0.0%",
    ...parts,
  };
}

/** A small hand-made SheetPlan covering every part of a plan, with text that looks like formulas. */
export function smallPlan(extraRows = 0): SheetPlan {
  const values: PlanValue[][] = [
    ["Performance Dashboard", null, null, null],
    ["Ref", "Indicator", "Result", "Alert"],
    ["=1+1", "+44 20 7946 0000", 0.82, "GREEN"],
    ["-5%", "@SUM(A1)", 0.61, "RED"],
    ["'quoted", "Jan 2013", null, "NO DATA"],
  ];
  for (let i = 0; i < extraRows; i++) values.push([`R${i}`, `Indicator ${i} with a fairly long name`, i / 100, "AMBER"]);
  const text = ["@", "@", "0.0%", "@"];
  const numberFormats = values.map((_, r) => (r < 2 ? ["@", "@", "@", "@"] : text));
  return {
    name: "Dashboard",
    tabColor: "#1F3864",
    rows: values.length,
    cols: 4,
    values,
    numberFormats,
    columnWidths: [10, 40, 12, 12],
    rowHeights: [{ row: 1, height: 24 }],
    styles: [
      { range: "A1:D1", style: { bold: true, size: 16, fontColor: "#1F3864" } },
      { range: "A2:D2", style: { fill: "#1F3864", fontColor: "#FFFFFF", bold: true, borderBottom: "medium", hAlign: "center" } },
      { range: `A3:D${values.length}`, style: { borderBottom: "thin", borderColor: "#A6A6A6", vAlign: "top", wrap: true } },
    ],
    merges: ["A1:D1"],
    tables: [{ name: "Indicators", range: `A2:D${values.length}`, columns: ["Ref", "Indicator", "Result", "Alert"] }],
    conditionalFormats: [
      {
        range: `D3:D${values.length}`,
        rules: [
          { formula: '$D3="GREEN"', fill: "#B7E1C0", fontColor: "#005A00" },
          { formula: '$D3="AMBER"', fill: "#FFEB9C", fontColor: "#6B5000" },
          { formula: '$D3="RED"', fill: "#F8B4BC", fontColor: "#8C0005", bold: true },
        ],
      },
    ],
    freeze: { rows: 2, columns: 1 },
    showGridlines: false,
    font: { name: "Arial", size: 10 },
    print: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: `A1:D${values.length}`,
      printTitleRows: "$2:$2",
      margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
      header: { left: "", center: "Performance Dashboard", right: "" },
      footer: { left: "Produced &D", center: "", right: "Page &P of &N" },
      rowBreaks: [4],
      pages: 2,
      centerHorizontally: true,
    },
    charts: [chartPlan({ title: "Indicator trend", anchor: "F2:J10", categories: "A3:A5", actual: "C3:C5", target: "C3:C5" })],
  };
}
