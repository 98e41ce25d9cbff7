/**
 * Generates large, realistic indicator workbooks for the benchmark: a wide monthly KPI sheet and
 * a long activity sheet, the two shapes teams keep most. Seeded, so the same arguments always
 * give the same workbook and timings can be compared between runs.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid } from "../src/core/grid";

/** Name of the generated wide KPI sheet. */
export const KPI_SHEET = "Monthly KPIs";
/** Name of the generated long activity sheet. */
export const ACTIVITY_SHEET = "Activity";
/** Rows above the KPI sheet's header: a title and a blank row, as teams' sheets have. */
export const KPI_HEADER_ROW = 3;
/** Share of result cells left empty or typed as "n/a". */
export const GAP_RATE = 0.03;

const KPI_FIXED_COLUMNS = ["Ref", "Indicator", "Service Area", "Polarity", "Target", "Floor Standard"] as const;
const ACTIVITY_COLUMNS = ["Ref", "Indicator", "Service Area", "Month", "Actual", "Expected", "Lower threshold", "Upper threshold"] as const;

/** First month of the generated series: April 2010, the start of a financial year. */
const FIRST_YEAR = 2010;
const FIRST_MONTH = 4;

const SERVICE_AREAS = [
  { code: "CR", name: "Customer Relationship Unit" },
  { code: "DS", name: "Digital Services & Internal Communications" },
  { code: "CLS", name: "Community Learning and Skills" },
  { code: "CAS", name: "Culture and Sport" },
  { code: "LAR", name: "Libraries, Archives and Registration Services" },
  { code: "RS", name: "Regulatory Services" },
  { code: "BT", name: "Business Transformation" },
  { code: "CCS", name: "Community Commissioned Services" },
  { code: "CS", name: "Community Safety" },
  { code: "IYS", name: "Integrated Youth Services" },
] as const;

type ServiceArea = (typeof SERVICE_AREAS)[number];

interface KpiTemplate {
  readonly name: string;
  readonly area: ServiceArea;
  readonly polarity: "Higher" | "Lower";
  readonly unit: "percent" | "count";
}

const [CR, DS, CLS, CAS, LAR, RS, , CCS, CS, IYS] = SERVICE_AREAS;

const KPI_TEMPLATES: readonly KpiTemplate[] = [
  { name: "% of calls answered within 20 seconds", area: CR, polarity: "Higher", unit: "percent" },
  { name: "% of calls abandoned", area: CR, polarity: "Lower", unit: "percent" },
  { name: "Net satisfaction with the website", area: DS, polarity: "Higher", unit: "percent" },
  { name: "% of customers satisfied with the service", area: CAS, polarity: "Higher", unit: "percent" },
  { name: "% of births registered within 42 days", area: LAR, polarity: "Higher", unit: "percent" },
  { name: "% of food businesses broadly compliant", area: RS, polarity: "Higher", unit: "percent" },
  { name: "% of clients waiting more than 3 weeks", area: CCS, polarity: "Lower", unit: "percent" },
  { name: "Number of rogue traders disrupted", area: RS, polarity: "Higher", unit: "count" },
  { name: "Number of first-time entrants to the youth justice system", area: IYS, polarity: "Lower", unit: "count" },
  { name: "Number of repeat incidents of anti-social behaviour", area: CS, polarity: "Lower", unit: "count" },
  { name: "Number of learners achieving a qualification", area: CLS, polarity: "Higher", unit: "count" },
  { name: "Number of volunteers placed", area: CAS, polarity: "Higher", unit: "count" },
];

const ACTIVITY_TEMPLATES: readonly { readonly name: string; readonly area: ServiceArea }[] = [
  { name: "Physical visits to libraries", area: LAR },
  { name: "Book issues", area: LAR },
  { name: "Visits to the council website", area: DS },
  { name: "Calls received by the Contact Centre", area: CR },
  { name: "Ceremonies conducted", area: LAR },
  { name: "Visitors to country parks", area: CAS },
  { name: "Searches of the archive catalogue", area: LAR },
  { name: "Enquiries to Trading Standards", area: RS },
];

const FORMAT = { percent: "0.0%", count: "#,##0", month: "mmm-yy" } as const;

/** A small, fast, seeded generator (mulberry32): the same seed gives the same sequence on every machine. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th item of a non-empty list, wrapping round. */
function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

/** Excel's serial number for the first day of the i-th generated month. */
function monthSerial(i: number): number {
  const months = FIRST_MONTH - 1 + i;
  return Date.UTC(FIRST_YEAR + Math.floor(months / 12), months % 12, 1) / 86_400_000 + 25_569;
}

/** Rounds to `places` decimals, so generated figures look typed rather than computed. */
function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** A result cell: usually the value, sometimes empty or "n/a" as in real returns. */
function withGaps(value: number, random: () => number): CellValue {
  const r = random();
  if (r < GAP_RATE / 2) return "";
  if (r < GAP_RATE) return "n/a";
  return value;
}

/** How many of `indicators` are KPIs: about three in four, the rest activity indicators. */
export function kpiCount(indicators: number): number {
  return Math.round(indicators * 0.75);
}

function kpiGrid(count: number, periods: number, random: () => number): Grid {
  const width = KPI_FIXED_COLUMNS.length + periods + 1;
  const blank = (): string[] => Array.from({ length: width }, () => "");
  const general = (): string[] => Array.from({ length: width }, () => "General");

  const title = blank();
  title[0] = "Generated directorate - Monthly KPIs";
  const header: CellValue[] = [...KPI_FIXED_COLUMNS];
  const headerFormats = general();
  for (let p = 0; p < periods; p++) {
    header.push(monthSerial(p));
    headerFormats[KPI_FIXED_COLUMNS.length + p] = FORMAT.month;
  }
  header.push("Commentary");

  const values: CellValue[][] = [title, blank(), header];
  const numberFormat: string[][] = [general(), general(), headerFormats];

  for (let i = 0; i < count; i++) {
    const template = pick(KPI_TEMPLATES, i);
    const area = template.area;
    const percent = template.unit === "percent";
    const higher = template.polarity === "Higher";
    const target = percent ? round(higher ? 0.6 + random() * 0.35 : 0.03 + random() * 0.15, 3) : Math.round(higher ? 10 + random() * 990 : 20 + random() * 480);
    const margin = percent ? round(0.03 + random() * 0.07, 3) : Math.max(1, Math.round(target * (0.1 + random() * 0.2)));
    const floor = percent ? round(higher ? target - margin : target + margin, 3) : higher ? target - margin : target + margin;

    const row: CellValue[] = [`${area.code}${String(i + 1).padStart(5, "0")}`, template.name, area.name, template.polarity, target, floor];
    const fmt = percent ? FORMAT.percent : FORMAT.count;
    const formats = general();
    formats[4] = fmt;
    formats[5] = fmt;
    // A random walk around the target, so results drift across the green, amber and red bands.
    let level = target + (random() - 0.5) * 3 * margin;
    for (let p = 0; p < periods; p++) {
      level += (random() - 0.5) * margin + (target - level) * 0.2;
      const value = percent ? round(Math.min(1, Math.max(0, level)), 3) : Math.max(0, Math.round(level));
      row.push(withGaps(value, random));
      formats[KPI_FIXED_COLUMNS.length + p] = fmt;
    }
    row.push(random() < 0.1 ? "Figures provisional until year-end validation." : "");
    values.push(row);
    numberFormat.push(formats);
  }
  return { sheet: KPI_SHEET, origin: "A1", values, numberFormat };
}

function activityGrid(count: number, periods: number, random: () => number): Grid {
  const values: CellValue[][] = [[...ACTIVITY_COLUMNS]];
  const headerFormats = ACTIVITY_COLUMNS.map(() => "General");
  const rowFormats = ["General", "General", "General", FORMAT.month, FORMAT.count, FORMAT.count, FORMAT.count, FORMAT.count];
  const numberFormat: string[][] = [headerFormats];
  for (let i = 0; i < count; i++) {
    const { name, area } = pick(ACTIVITY_TEMPLATES, i);
    const ref = `${area.code}A${String(i + 1).padStart(5, "0")}`;
    const base = 1_000 * Math.round(1 + random() * 600);
    const band = random() < 0.5 ? 0.05 : 0.1;
    for (let p = 0; p < periods; p++) {
      // Seasonal demand: busier in summer, quieter around Christmas.
      const season = 1 + 0.15 * Math.sin(((p + FIRST_MONTH - 4) / 12) * 2 * Math.PI);
      const expected = Math.round((base * season) / 100) * 100;
      const actual = Math.round(expected * (1 + (random() - 0.5) * 0.3));
      values.push([
        ref,
        name,
        area.name,
        monthSerial(p),
        withGaps(actual, random),
        expected,
        Math.round(expected * (1 - band)),
        Math.round(expected * (1 + band)),
      ]);
      numberFormat.push(rowFormats);
    }
  }
  return { sheet: ACTIVITY_SHEET, origin: "A1", values, numberFormat };
}

/**
 * Generates a workbook as grids: a wide monthly KPI sheet (title, blank row, header, one row per
 * KPI) and a long activity sheet (header, one row per indicator per month), about 3 KPIs to 1
 * activity indicator, with about 3% of results missing or "n/a".
 * @param indicators - total number of indicators across both sheets
 * @param periods - number of months, from April 2010 onwards
 * @param seed - PRNG seed; the same seed gives the same grids
 */
export function generateWorkbookGrids(indicators: number, periods: number, seed = 20130314): Grid[] {
  const random = seededRandom(seed);
  const kpis = kpiCount(indicators);
  return [kpiGrid(kpis, periods, random), activityGrid(indicators - kpis, periods, random)];
}

/** Generates the wide KPI sheet alone, with `rows` indicator rows: the shape of a sheet of many KPIs. */
export function generateKpiRows(rows: number, periods: number, seed = 20130314): Grid[] {
  return [kpiGrid(rows, periods, seededRandom(seed))];
}

/** Writes the grids of `generateWorkbookGrids` to an .xlsx file, streaming rows so large workbooks fit in memory. */
export async function writeGeneratedWorkbook(path: string, indicators: number, periods: number, seed?: number): Promise<void> {
  await writeGrids(path, generateWorkbookGrids(indicators, periods, seed));
}

/** Writes a wide KPI sheet of `rows` indicator rows (see `generateKpiRows`) to an .xlsx file. */
export async function writeKpiRowsWorkbook(path: string, rows: number, periods: number, seed?: number): Promise<void> {
  await writeGrids(path, generateKpiRows(rows, periods, seed));
}

/** Writes grids to an .xlsx file with exceljs's streaming writer, numbers with their formats. */
async function writeGrids(path: string, grids: readonly Grid[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.sheet);
    grid.values.forEach((rowValues, r) => {
      const row = ws.getRow(r + 1);
      rowValues.forEach((value, c) => {
        if (value === "") return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        const fmt = grid.numberFormat[r]?.[c];
        if (fmt !== undefined && fmt !== "General" && typeof value === "number") cell.numFmt = fmt;
      });
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
}
