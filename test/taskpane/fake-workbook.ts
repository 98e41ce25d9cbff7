/**
 * A small indicator workbook, as literal grids, for the task pane's browser tests and its
 * screenshot: a wide monthly KPI sheet (months as dates across), a long quarterly sheet, an
 * activity sheet with forecasts and a notes sheet with no table. Browser-safe: no Node imports.
 */
import type { CellValue } from "../../src/core/grid";
import type { FakeExcelInit, FakeSheetInit } from "../excel/fake-excel";

/** Excel's serial number of the first day of a month (1900 date system). */
export function monthSerial(year: number, month: number): number {
  return (Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Number formats for a grid: `format(row, col)` per cell. */
function formats(values: readonly (readonly CellValue[])[], format: (row: number, col: number) => string): string[][] {
  return values.map((row, r) => row.map((_, c) => format(r, c)));
}

/** Months April 2012 to January 2013. */
const months = Array.from({ length: 10 }, (_, i) => monthSerial(i < 9 ? 2012 : 2013, ((3 + i) % 12) + 1));

function monthlySheet(): FakeSheetInit {
  const rows: CellValue[][] = [
    ["Customer & Communities - Monthly KPIs 2012/13", ...Array<CellValue>(15).fill("")],
    Array<CellValue>(16).fill(""),
    ["Ref", "Indicator", "Service Area", "Polarity", "Target", "Floor Standard", ...months],
    [
      "CR01",
      "% of calls answered within 20 seconds",
      "Customer Relationship",
      "Higher",
      0.8,
      0.7,
      0.695,
      0.712,
      0.738,
      0.74,
      0.755,
      0.779,
      0.804,
      0.791,
      0.8,
      0.83,
    ],
    ["CR02", "% of calls abandoned", "Customer Relationship", "Lower", 0.05, 0.08, 0.084, 0.076, 0.069, 0.062, 0.058, 0.053, 0.046, 0.049, 0.042, 0.039],
    [
      "LIB01",
      "Deaths registered within 5 days",
      "Libraries, Archives and Registration",
      "Higher",
      0.9,
      0.85,
      0.91,
      0.88,
      0.86,
      0.9,
      0.92,
      0.84,
      0.83,
      0.81,
      0.8,
      0.82,
    ],
    ["DS02", "Net satisfaction with the website", "Digital Services", "Higher", 0.6, 0.5, 0.55, 0.58, 0.61, 0.57, 0.59, 0.62, 0.63, 0.6, 0.66, "see note"],
    ["CS01", "Recorded crime per 1,000 residents", "Community Safety", "Lower", 5.2, 5.8, 5.6, 5.4, 5.1, 5.0, 4.9, 5.3, 5.1, 4.8, 4.7, ""],
  ];
  return {
    name: "Monthly KPIs",
    values: rows,
    numberFormat: formats(rows, (r, c) => {
      if (r === 2 && c >= 6) return "mmm-yy";
      if (r >= 3 && r <= 6 && c >= 4) return "0.0%";
      if (r === 7 && c >= 4) return "0.0";
      return "General";
    }),
  };
}

function quarterlySheet(): FakeSheetInit {
  const quarters = ["Q1 2012/13", "Q2 2012/13", "Q3 2012/13"];
  const rows: CellValue[][] = [["Ref", "Indicator", "Service Area", "Polarity", "Quarter", "Actual", "Target", "Floor"]];
  const kpis: [string, string, string, string, number[], number, number][] = [
    ["CL01", "Learners achieving their learning goal", "Community Learning and Skills", "Higher", [0.86, 0.88, 0.9], 0.88, 0.85],
    ["YS01", "First-time entrants to the youth justice system", "Integrated Youth Services", "Lower", [112, 98, 120], 100, 115],
    ["CC01", "Problem drug users completing treatment", "Community Commissioned Services", "Higher", [0.41, 0.39, 0.44], 0.45, 0.4],
  ];
  for (const [ref, name, area, polarity, actuals, target, floor] of kpis) {
    actuals.forEach((a, i) => rows.push([ref, name, area, polarity, quarters[i]!, a, target, floor]));
  }
  return {
    name: "Quarterly KPIs",
    values: rows,
    numberFormat: formats(rows, (r, c) => (r > 0 && c >= 5 && !String(rows[r]?.[1]).startsWith("First") ? "0%" : "General")),
  };
}

function activitySheet(): FakeSheetInit {
  const rows: CellValue[][] = [["Ref", "Activity indicator", "Service Area", "Month", "Actual", "Expected", "Lower threshold", "Upper threshold"]];
  const visits = [412_000, 398_500, 405_200, 430_100, 441_000, 389_000, 402_300, 355_000, 371_900, 366_400];
  const issues = [520_000, 511_300, 530_400, 560_800, 575_100, 498_200, 505_000, 470_300, 452_100, 480_700];
  months.forEach((m, i) =>
    rows.push(["LAR10", "Physical visits to libraries", "Libraries, Archives and Registration", m, visits[i]!, 400_000, 380_000, 420_000]),
  );
  months.forEach((m, i) => rows.push(["LAR11", "Book issues", "Libraries, Archives and Registration", m, issues[i]!, 510_000, 480_000, 540_000]));
  return {
    name: "Activity",
    values: rows,
    numberFormat: formats(rows, (r, c) => (r > 0 && c === 3 ? "mmm-yy" : r > 0 && c >= 4 ? "#,##0" : "General")),
  };
}

function notesSheet(): FakeSheetInit {
  const rows: CellValue[][] = [
    ["Notes for the dashboard"],
    ["Targets and floor standards are from the 2012/13 divisional business plans."],
    ["January figures are provisional."],
  ];
  return { name: "Notes", values: rows };
}

/** The workbook the browser tests open, optionally with extra sheets or a different API version. */
export function sampleWorkbook(options: { apiVersion?: string; extraSheets?: readonly FakeSheetInit[] } = {}): FakeExcelInit {
  return {
    sheets: [monthlySheet(), quarterlySheet(), activitySheet(), notesSheet(), ...(options.extraSheets ?? [])],
    ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
  };
}

/** A copy of the monthly sheet under another name: for the test of hostile sheet names. */
export function monthlySheetNamed(name: string): FakeSheetInit {
  return { ...monthlySheet(), name };
}

/** A sheet whose headers detection does not know: the column editor's test case. */
export function unlabelledSheet(): FakeSheetInit {
  const rows: CellValue[][] = [["Item", "When", "Score", "Goal"]];
  months.slice(0, 3).forEach((m, i) => rows.push(["Visitors satisfied with the country parks", m, [0.91, 0.93, 0.95][i]!, 0.9]));
  return {
    name: "Parks",
    values: rows,
    numberFormat: formats(rows, (r, c) => (r > 0 && c === 1 ? "mmm-yy" : r > 0 && c >= 2 ? "0%" : "General")),
  };
}
