/**
 * Builds assets/sample-performance.xlsx: the indicator workbook a directorate performance team
 * keeps, modelled on the Customer & Communities dashboard of 2012/13 (results to December 2012
 * and, for some indicators, January 2013; 2011/12 kept for year-on-year comparison).
 *
 * The figures live below as plain arrays so a person can read and change them. Run with
 * `npm run sample`. The output is byte-for-byte deterministic, so the checked-in file only
 * changes when the data here change.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** A result as the team typed it: a number, text the team typed by hand ("n/a", "72.1%"), or null for an empty cell. */
type Entry = number | string | null;

// Percentages are written here as people say them (76.2 for 76.2%) and stored as fractions,
// which is what Excel holds for a cell formatted "0.0%".
type Unit = "percent" | "count" | "money";

const FORMATS: Record<Unit, string> = { percent: "0.0%", count: "#,##0", money: "£#,##0" };

const FIXED_DATE = new Date(Date.UTC(2013, 1, 8, 9, 0, 0)); // 8 February 2013, when January's figures were in

// ---------------------------------------------------------------------------------------------
// Monthly KPIs: wide, one column per month from April 2011 to January 2013.
// `2011/12` holds April 2011 to March 2012; `2012/13` holds April 2012 onwards (9 values to
// December, 10 when January 2013 is in). Targets and floors are per month.
// ---------------------------------------------------------------------------------------------

interface MonthlyKpi {
  ref: string;
  name: string;
  serviceArea: string;
  polarity: "Higher" | "Lower";
  unit: Unit;
  target: number;
  floor: number;
  results: { "2011/12": Entry[]; "2012/13": Entry[] };
  commentary?: string;
  included?: string;
}

const monthlyKpis: MonthlyKpi[] = [
  {
    ref: "CR01",
    name: "% of calls answered within 20 seconds",
    serviceArea: "Customer Relationship Unit",
    polarity: "Higher",
    unit: "percent",
    target: 80,
    floor: 70,
    results: {
      "2011/12": [72.4, 74.1, 70.8, 68.9, 71.5, 73.0, 75.2, 76.8, 78.0, 77.1, 74.6, 76.3],
      "2012/13": [69.5, 71.2, 73.8, 74.0, 75.5, 77.9, 80.4, 79.1, 80.0],
    },
    commentary: "Target achieved or within a point of it each month since October.",
  },
  {
    ref: "CR02",
    name: "% of calls abandoned",
    serviceArea: "Customer Relationship Unit",
    polarity: "Lower",
    unit: "percent",
    target: 5,
    floor: 8,
    results: {
      "2011/12": [7.9, 7.2, 8.6, 9.1, "n/a", 7.5, 6.8, 6.1, 5.9, 6.3, 7.0, 6.4],
      "2012/13": [8.4, 7.6, 6.9, 6.2, 5.8, 5.3, 4.6, 4.9, 4.2, 3.9],
    },
    commentary: "August 2011 not available: telephony system upgrade.",
  },
  {
    ref: "CR03",
    name: "% of callers satisfied with the Contact Centre (GovMetric)",
    serviceArea: "Customer Relationship Unit",
    polarity: "Higher",
    unit: "percent",
    target: 85,
    floor: 80,
    results: {
      "2011/12": [],
      "2012/13": [null, null, null, null, null, null, null, null, "TBC", "TBC"],
    },
    commentary: "New measure: first results from the GovMetric survey of callers expected in February 2013.",
  },
  {
    ref: "DS02",
    name: "Net satisfaction with the website",
    serviceArea: "Digital Services & Internal Communications",
    polarity: "Higher",
    unit: "percent",
    target: 40,
    floor: 30,
    results: {
      "2011/12": [],
      "2012/13": [null, null, null, null, null, 38.2, 41.5, 44.0, 46.3, 48.1],
    },
    commentary: "GovMetric survey introduced in September 2012; compares favourably with other councils using the same tool.",
  },
  {
    ref: "LAR03",
    name: "% of deaths registered within 5 days",
    serviceArea: "Libraries, Archives and Registration Services",
    polarity: "Higher",
    unit: "percent",
    target: 90,
    floor: 85,
    results: {
      "2011/12": [78.5, 80.2, 79.9, 81.0, 77.6, 79.4, 80.8, 82.1, 76.3, 75.8, 79.0, 80.4],
      "2012/13": [81.2, 79.7, 80.9, 82.4, 80.1, 81.6, 83.0, 82.2, 77.9],
    },
    commentary: "Depends on customers choosing appointments within 5 days, so not a true reflection of the service.",
    included: "No - not included in this iteration: a new indicator focusing on appointments offered within 5 days is being developed",
  },
  {
    ref: "LAR04",
    name: "% of births registered within 42 days",
    serviceArea: "Libraries, Archives and Registration Services",
    polarity: "Higher",
    unit: "percent",
    target: 98,
    floor: 95,
    results: {
      "2011/12": [97.8, 98.4, 98.1, 98.9, 97.2, 98.0, 98.6, 98.3, 97.9, 98.2, 98.8, 98.5],
      "2012/13": [98.7, 98.1, 97.6, 98.9, 98.2, 98.5, 99.0, 98.4, 98.6, 98.8],
    },
  },
  {
    ref: "RS01",
    name: "Number of rogue traders disrupted",
    serviceArea: "Regulatory Services",
    polarity: "Higher",
    unit: "count",
    target: 10,
    floor: 8,
    results: {
      "2011/12": [9, 11, 12, 8, 7, 10, 13, 11, 6, 9, 10, 12],
      "2012/13": [11, 9, 12, 10, 8, "14*", 11, 9, 8],
    },
    commentary: "* September includes 3 joint operations with Kent Police. Slightly behind target for the year to date.",
  },
  {
    ref: "IYS01",
    name: "Number of first-time entrants to the youth justice system",
    serviceArea: "Integrated Youth Services",
    polarity: "Lower",
    unit: "count",
    target: 50,
    floor: 60,
    results: {
      "2011/12": [71, 64, 68, 59, 62, 57, 60, 55, 48, 58, 53, 56],
      "2012/13": [52, 47, 49, 44, 51, 46, 43, 45, 38, 41],
    },
    commentary: "Remains ahead of target and below the same period last year.",
  },
  {
    ref: "IYS02",
    name: "% of young offenders in education, training or employment",
    serviceArea: "Integrated Youth Services",
    polarity: "Higher",
    unit: "percent",
    target: 75,
    floor: 70,
    results: {
      "2011/12": [74.2, 75.8, 76.1, 73.9, 72.5, 74.8, 76.3, 75.1, 73.4, 74.0, 75.5, 74.9],
      "2012/13": [73.8, 74.5, 75.2, 72.9, 71.4, 73.6, 72.8, "72.1%", 68.4],
    },
    // Starts with "=" on purpose: the dashboard must show it as text, never run it as a formula.
    commentary: "=see note 3 on the Read Me sheet: school age 72.1% maintained; post-16 employment is the difficulty.",
  },
];

/**
 * Indicators published without a target on purpose, kept below the KPIs on the monthly sheet:
 * "Data only" in the target cell makes them monitor only (rated MONITOR, no alert, no warning).
 */
interface MonitorOnlyIndicator {
  ref: string;
  name: string;
  serviceArea: string;
  polarity: "Higher" | "Lower";
  /** What the team types where a target would be. */
  targetWords: string;
  results: { "2011/12": Entry[]; "2012/13": Entry[] };
  commentary?: string;
}

const monitorOnlyIndicators: MonitorOnlyIndicator[] = [
  {
    ref: "CS03",
    name: "Number of anti-social behaviour incidents reported to the council",
    serviceArea: "Community Safety",
    polarity: "Lower",
    targetWords: "Data only",
    results: {
      "2011/12": [812, 845, 901, 954, 987, 866, 799, 742, 688, 701, 734, 790],
      "2012/13": [768, 801, 843, 902, 921, 830, 774, 719, 652, 671],
    },
    commentary: "Published for information: demand from residents, with no target.",
  },
];

// ---------------------------------------------------------------------------------------------
// Quarterly KPIs: long, one row per indicator per quarter. Cumulative indicators (Big Society)
// have a profiled target and floor that grow through the year, and start in 2012/13.
// Community Commissioned Services' figures come a quarter late: only to Q2 2012/13.
// ---------------------------------------------------------------------------------------------

interface QuarterRow {
  quarter: string;
  actual: Entry;
  target: number;
  floor: number;
  commentary?: string;
}

interface QuarterlyKpi {
  ref: string;
  name: string;
  serviceArea: string;
  polarity: "Higher" | "Lower";
  unit: Unit;
  aggregation?: "Latest";
  rows: QuarterRow[];
}

/** Quarters of 2011/12 and 2012/13 with the same target and floor, filled in order; null where none is due yet. */
function quarters(target: number, floor: number, actuals: Entry[], commentary?: string): QuarterRow[] {
  const labels = ["Q1 2011/12", "Q2 2011/12", "Q3 2011/12", "Q4 2011/12", "Q1 2012/13", "Q2 2012/13", "Q3 2012/13"];
  return actuals.map((actual, i) => ({
    quarter: labels[i] ?? "",
    actual,
    target,
    floor,
    ...(commentary !== undefined && i === actuals.length - 1 ? { commentary } : {}),
  }));
}

/**
 * A count already kept as a year-to-date total (its name says so, and it has no Aggregation cell):
 * its YTD is its latest figure, never the quarters added up again. Kept after the other quarterly
 * KPIs, in rows of its own.
 */
const cumulativeQuarterlyKpis: QuarterlyKpi[] = [
  {
    ref: "LAR06",
    name: "Number of library volunteers recruited (year to date)",
    serviceArea: "Libraries, Archives and Registration Services",
    polarity: "Higher",
    unit: "count",
    rows: [
      { quarter: "Q1 2012/13", actual: 35, target: 30, floor: 24 },
      { quarter: "Q2 2012/13", actual: 58, target: 60, floor: 48 },
      { quarter: "Q3 2012/13", actual: 96, target: 90, floor: 72, commentary: "Cumulative: 96 volunteers recruited so far this year." },
    ],
  },
];

const quarterlyKpis: QuarterlyKpi[] = [
  {
    ref: "CCS01",
    name: "% of problem drug users completing treatment successfully",
    serviceArea: "Community Commissioned Services",
    polarity: "Higher",
    unit: "percent",
    rows: quarters(
      15,
      12,
      [14.8, 15.3, 15.9, 16.2, 13.1, 10.8],
      "Quarter 3 not available in time for Committee papers. Fall in successful discharges, more so in West Kent; action plans agreed with providers.",
    ),
  },
  {
    ref: "CCS02",
    name: "% of drug treatment clients waiting more than 3 weeks",
    serviceArea: "Community Commissioned Services",
    polarity: "Lower",
    unit: "percent",
    rows: quarters(5, 10, [6.2, 5.4, 4.9, 4.1, 3.5, 3.1]),
  },
  {
    ref: "BT01",
    name: "Number of Big Society loans approved (cumulative)",
    serviceArea: "Business Transformation",
    polarity: "Higher",
    unit: "count",
    aggregation: "Latest",
    rows: [
      { quarter: "Q1 2012/13", actual: 4, target: 10, floor: 8 },
      { quarter: "Q2 2012/13", actual: 15, target: 25, floor: 20 },
      {
        quarter: "Q3 2012/13",
        actual: 38,
        target: 45,
        floor: 36,
        commentary: "Up from the last report, from Red to Amber; independent advice is that year 1 expectations were set too high.",
      },
      { quarter: "Q4 2012/13", actual: null, target: 70, floor: 56 },
    ],
  },
  {
    ref: "BT02",
    name: "Number of jobs created through the Big Society Fund (cumulative)",
    serviceArea: "Business Transformation",
    polarity: "Higher",
    unit: "count",
    aggregation: "Latest",
    rows: [
      { quarter: "Q1 2012/13", actual: 9, target: 20, floor: 16 },
      { quarter: "Q2 2012/13", actual: 31, target: 50, floor: 40 },
      { quarter: "Q3 2012/13", actual: 75, target: 90, floor: 72, commentary: "Moved from Red to Amber." },
      { quarter: "Q4 2012/13", actual: null, target: 140, floor: 112 },
    ],
  },
  {
    ref: "RS02",
    name: "% of food businesses broadly compliant with hygiene law",
    serviceArea: "Regulatory Services",
    polarity: "Higher",
    unit: "percent",
    // Starts with "+" on purpose, like the "=" and "-" commentaries elsewhere: it must stay text.
    rows: quarters(90, 85, [86.4, 87.1, 88.0, 88.9, 89.4, 90.2, 91.3], "+3.3 points on the same quarter last year."),
  },
  {
    ref: "LAR05",
    name: "% of customers satisfied with the registration service",
    serviceArea: "Libraries, Archives and Registration Services",
    polarity: "Higher",
    unit: "percent",
    rows: quarters(95, 90, [95.8, 96.4, 94.7, 96.0, 96.9, 95.5, 96.2]),
  },
];

// ---------------------------------------------------------------------------------------------
// Annual KPIs: wide, one column per financial year. 2012/13 is only in for the one survey done
// in the autumn. RS03 has no floor: a 5% tolerance around the target gives its amber band.
// ---------------------------------------------------------------------------------------------

const YEARS = ["2009/10", "2010/11", "2011/12", "2012/13"] as const;

interface AnnualKpi {
  ref: string;
  name: string;
  serviceArea: string;
  polarity: "Higher" | "Lower";
  unit: Unit;
  target: number;
  floor: number | null;
  /** Percent of target, as people say it (5 for 5%). */
  tolerance?: number;
  /** 2009/10 to 2012/13. */
  results: [Entry, Entry, Entry, Entry];
  commentary?: string;
  /** The England average for the latest year, as published by LG Inform (same unit as the results), in the last column. */
  englandAverage?: number;
}

const annualKpis: AnnualKpi[] = [
  {
    ref: "CLS01",
    name: "Adult learner achievement rate",
    serviceArea: "Community Learning and Skills",
    polarity: "Higher",
    unit: "percent",
    target: 88,
    floor: 85,
    results: [84.1, 86.0, 88.9, null],
    commentary: "Results for the 2011/12 academic year now available: an improvement on the previous year.",
    englandAverage: 87.2,
  },
  {
    ref: "CLS02",
    name: "% of learners from the most deprived wards",
    serviceArea: "Community Learning and Skills",
    polarity: "Higher",
    unit: "percent",
    target: 30,
    floor: 25,
    results: [24.3, 26.1, 27.5, null],
    englandAverage: 29.0,
  },
  {
    ref: "CAS01",
    name: "External funding secured for Culture and Sport",
    serviceArea: "Culture and Sport",
    polarity: "Higher",
    unit: "money",
    target: 1_500_000,
    floor: 1_200_000,
    results: [1_385_000, 1_512_000, 1_640_000, null],
    commentary: "Forecast for 2012/13 improved to £1.58m, mainly Sport and the Kent Film Office.",
  },
  {
    ref: "RS03",
    name: "Savings to consumers from Trading Standards interventions",
    serviceArea: "Regulatory Services",
    polarity: "Higher",
    unit: "money",
    target: 500_000,
    floor: null,
    tolerance: 5,
    results: [512_300, 468_900, 487_000, null],
  },
  {
    ref: "IYS04",
    name: "% of young people satisfied with youth services (annual survey)",
    serviceArea: "Integrated Youth Services",
    polarity: "Higher",
    unit: "percent",
    target: 80,
    floor: 75,
    results: [76.5, 78.2, 80.4, 82.0],
    commentary: "2012/13 survey completed in November 2012.",
    englandAverage: 79.5,
  },
];

// ---------------------------------------------------------------------------------------------
// Rolling 12: monthly counts from Kent Police, January 2011 to December 2012. Targets and floors
// apply to the 12-month total, which the dashboard computes from these months.
// ---------------------------------------------------------------------------------------------

interface RollingKpi {
  ref: string;
  name: string;
  serviceArea: string;
  polarity: "Higher" | "Lower";
  target: number;
  floor: number;
  /** Calendar years, January to December. */
  months: { 2011: Entry[]; 2012: Entry[] };
  commentary?: string;
}

const rollingKpis: RollingKpi[] = [
  {
    ref: "CS01",
    name: "All recorded crime",
    serviceArea: "Community Safety",
    polarity: "Lower",
    target: 98_000,
    floor: 102_000,
    months: {
      2011: [8412, 7956, 8633, 8390, 8751, 8544, 8918, 8702, 8321, 8455, 8198, 7890],
      2012: [7934, 7512, 8105, 7698, 8012, 7843, 8201, "8,127", 7654, 7802, 7536, 7388],
    },
    commentary: "Recorded crime in the county continues to be lower than last year.",
  },
  {
    ref: "CS02",
    name: "Domestic burglaries",
    serviceArea: "Community Safety",
    polarity: "Lower",
    target: 3_800,
    floor: 4_000,
    months: {
      2011: [312, 298, 305, 289, 276, 281, 294, 315, 322, 356, 372, 368],
      2012: [341, 318, 332, 310, 305, 327, 336, 349, 341, 388, 402, 415],
    },
    commentary: "Rise since the autumn in line with the national picture; a targeted operation started in January.",
  },
];

// ---------------------------------------------------------------------------------------------
// Activity: long, one row per indicator per month. No alerts: results are compared with the
// business plan's expected activity, within a band either side. 2011/12 has actuals only.
// ---------------------------------------------------------------------------------------------

interface ActivityIndicator {
  ref: string;
  name: string;
  serviceArea: string;
  /** Half-width of the expected range, as a percent of the forecast (5 for ±5%). */
  band: number;
  /** April 2011 to March 2012. */
  lastYear: Entry[];
  /** Business plan forecast, April 2012 to March 2013. */
  expected: number[];
  /** April 2012 onwards. */
  actual: Entry[];
  commentary?: string;
}

const activityIndicators: ActivityIndicator[] = [
  {
    ref: "LAR10",
    name: "Physical visits to libraries",
    serviceArea: "Libraries, Archives and Registration Services",
    band: 5,
    lastYear: [548_200, 561_900, 539_400, 602_300, 615_800, 531_700, 552_100, 529_600, 446_900, 538_300, 527_400, 560_100],
    expected: [540_000, 550_000, 530_000, 590_000, 600_000, 520_000, 540_000, 520_000, 440_000, 530_000, 520_000, 550_000],
    actual: [512_400, 508_300, 489_900, 541_200, 556_700, 478_300, 497_600, 471_800, 402_500],
    // Starts with "-" on purpose: the dashboard must show it as text, never as a formula.
    commentary: "-10% on last year, mostly due to temporary library closures for refurbishment.",
  },
  {
    ref: "LAR11",
    name: "Book issues",
    serviceArea: "Libraries, Archives and Registration Services",
    band: 5,
    lastYear: [631_500, 640_200, 612_800, 688_400, 702_900, 598_300, 615_700, 590_200, 498_600, 602_100, 587_900, 623_400],
    expected: [620_000, 630_000, 600_000, 670_000, 690_000, 590_000, 600_000, 580_000, 490_000, 590_000, 580_000, 610_000],
    actual: [598_200, 601_500, 566_300, 652_900, 671_000, 560_400, 569_100, 548_700, 470_900],
  },
  {
    ref: "DS01",
    name: "Visits to the council website",
    serviceArea: "Digital Services & Internal Communications",
    band: 10,
    lastYear: [962_300, 1_004_800, 987_100, 1_012_500, 1_031_900, 998_400, 1_021_700, 1_009_300, 874_200, 1_098_600, 1_046_800, 1_079_500],
    expected: [1_000_000, 1_020_000, 1_000_000, 1_030_000, 1_050_000, 1_010_000, 1_040_000, 1_030_000, 900_000, 1_110_000, 1_060_000, 1_090_000],
    actual: [1_085_400, 1_126_900, "1,098,200", 1_154_700, 1_177_300, 1_121_800, 1_163_500, 1_149_200, 1_012_600, 1_248_900],
    commentary: "Website visits continue to exceed expected levels.",
  },
  {
    ref: "CR10",
    name: "Calls received by the Contact Centre",
    serviceArea: "Customer Relationship Unit",
    band: 10,
    lastYear: [84_200, 81_900, 86_700, 83_100, 79_800, 88_400, 86_900, 82_300, 68_700, 91_200, 85_600, 87_300],
    expected: [85_000, 82_000, 86_000, 83_000, 80_000, 88_000, 86_000, 82_000, 68_000, 90_000, 85_000, 87_000],
    actual: [81_300, 79_600, 84_900, 80_200, 77_500, 85_100, 84_400, 80_900, 66_200, 88_700],
  },
  {
    ref: "LAR12",
    name: "Ceremonies conducted",
    serviceArea: "Libraries, Archives and Registration Services",
    band: 10,
    lastYear: [612, 798, 905, 1_012, 1_087, 956, 642, 384, 287, 241, 298, 431],
    expected: [620, 810, 920, 1_020, 1_100, 960, 650, 390, 290, 250, 300, 440],
    actual: [668, 874, 1_003, 1_121, 1_186, 1_047, 721, 436, 334],
    commentary: "Marriage and other ceremonies at council premises have increased this year.",
  },
  {
    ref: "CAS10",
    name: "Visitors to country parks",
    serviceArea: "Culture and Sport",
    band: 10,
    lastYear: [118_400, 131_200, 126_900, 148_300, 162_700, 121_500, 98_600, 71_300, 58_900, 55_200, 67_800, 94_100],
    expected: [120_000, 130_000, 128_000, 150_000, 165_000, 122_000, 100_000, 72_000, 60_000, 56_000, 68_000, 95_000],
    actual: [101_200, 98_700, 92_400, 121_600, 148_900, 108_300, 86_100, 61_900, 49_800],
    commentary: "Low for the year so far, no doubt related to the wet summer and autumn.",
  },
];

// ---------------------------------------------------------------------------------------------
// Sheets with no indicators: notes and a staff list.
// ---------------------------------------------------------------------------------------------

const readMe: string[] = [
  "Customer & Communities Performance Workbook 2012/13",
  "",
  "Kept by the Corporate Performance Team (Business Intelligence). Queries to the performance inbox or ext. 1985.",
  "",
  "How to update each month",
  "1. Services send their figures by the 10th working day after the month end.",
  "2. Monthly KPIs: type the month's result in that month's column; leave a cell empty when there is no figure yet.",
  "3. Quarterly KPIs: add one row per indicator per quarter; cumulative indicators show the total so far this year.",
  "4. Activity: add one row per indicator per month with the business plan forecast and its range.",
  "5. Rolling 12: monthly counts from Kent Police; the dashboard adds up the last 12 months.",
  "6. Do not change the headings: the dashboard reads them.",
  "",
  "Notes",
  "1. Targets and floor standards are from the 2012/13 divisional business plans.",
  "2. Alerts: Green at or better than target; Amber between target and floor standard; Red worse than the floor standard.",
  "3. Young offenders in education, training or employment: school age and post-16 figures are reported separately to the Youth Justice Board.",
  "4. Deaths registered within 5 days is not included in this iteration of the dashboard (see the Monthly KPIs sheet).",
];

const staff: { name: string; role: string; team: string; phone: string }[] = [
  { name: "Helen Carter", role: "Corporate Performance Manager", team: "Business Intelligence", phone: "01632 960101" },
  { name: "Raj Patel", role: "Senior Performance Analyst", team: "Business Intelligence", phone: "01632 960102" },
  { name: "Sarah Okafor", role: "Performance Analyst", team: "Business Intelligence", phone: "01632 960103" },
  { name: "Tom Whitfield", role: "Data Officer", team: "Business Intelligence", phone: "01632 960104" },
  { name: "Anna Kowalski", role: "Performance Officer (Libraries)", team: "Libraries, Archives and Registration", phone: "01632 960215" },
  { name: "David Mensah", role: "Information Officer", team: "Community Safety", phone: "01632 960342" },
];

// ---------------------------------------------------------------------------------------------
// Writing the workbook.
// ---------------------------------------------------------------------------------------------

const FONT = "Arial";

/** The first day of a month, as Excel stores a date typed as "Apr-11". */
function monthDate(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1));
}

/** The value to store for a result: fractions for percentages, text kept as typed. */
function cellValue(entry: Entry, unit: Unit): ExcelJS.CellValue {
  if (entry === null) return null;
  if (typeof entry === "string") return entry;
  // Rounded so 76.2 is stored as the double nearest 0.762, as Excel itself would.
  return unit === "percent" ? Number((entry / 100).toPrecision(12)) : entry;
}

/** Sets a row's values from column 1, with an optional number format per cell. */
function putRow(ws: ExcelJS.Worksheet, rowNumber: number, cells: readonly { v: ExcelJS.CellValue; fmt?: string }[]): void {
  const row = ws.getRow(rowNumber);
  cells.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    if (c.v !== null) cell.value = c.v;
    if (c.fmt !== undefined && typeof c.v !== "string") cell.numFmt = c.fmt;
  });
}

/** Styles the header row and freezes the panes below it (and right of `frozenColumns`). */
function styleHeader(ws: ExcelJS.Worksheet, headerRow: number, width: number, frozenColumns: number): void {
  const row = ws.getRow(headerRow);
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = { vertical: "bottom", wrapText: true };
  }
  ws.views = [{ state: "frozen", xSplit: frozenColumns, ySplit: headerRow }];
}

/** A bold title in A1 (and an optional note under it). */
function putTitle(ws: ExcelJS.Worksheet, title: string, note?: string): void {
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { name: FONT, bold: true, size: 14 };
  if (note !== undefined) {
    ws.getCell("A2").value = note;
    ws.getCell("A2").font = { name: FONT, italic: true };
  }
}

/** Sets column widths in characters, left to right. */
function setWidths(ws: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Gives every written cell the workbook's font, wraps the commentary column and prints on A4 landscape, one page wide. */
function finishSheet(ws: ExcelJS.Worksheet, firstDataRow: number, commentaryColumn: number | null): void {
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.eachRow((row, n) => {
    if (n < firstDataRow) return;
    row.eachCell((cell, c) => {
      cell.font = { name: FONT };
      if (c === commentaryColumn) cell.alignment = { wrapText: true, vertical: "top" };
    });
  });
}

function addReadMe(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Read Me");
  readMe.forEach((line, i) => {
    if (line === "") return;
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { name: FONT, bold: i === 0 || line === "Notes" || line.startsWith("How to"), size: i === 0 ? 14 : 10 };
  });
  setWidths(ws, [120]);
  finishSheet(ws, readMe.length + 1, null);
}

function addMonthlyKpis(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Monthly KPIs");
  putTitle(
    ws,
    "Customer & Communities - Monthly KPIs 2012/13",
    "Monthly results against 2012/13 business plan targets. Leave a month empty until its figure is confirmed.",
  );
  const months: Date[] = [];
  for (let i = 0; i < 22; i++) months.push(monthDate(2011 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1));
  const header = 4;
  putRow(ws, header, [
    { v: "Ref" },
    { v: "Indicator" },
    { v: "Service Area" },
    { v: "Polarity" },
    { v: "Target" },
    { v: "Floor Standard" },
    ...months.map((d) => ({ v: d, fmt: "mmm-yy" })),
    { v: "Commentary" },
    { v: "Included" },
  ]);
  monthlyKpis.forEach((k, i) => {
    const fmt = FORMATS[k.unit];
    const series = [...padTo(k.results["2011/12"], 12), ...padTo(k.results["2012/13"], 10)];
    putRow(ws, header + 1 + i, [
      { v: k.ref },
      { v: k.name },
      { v: k.serviceArea },
      { v: k.polarity },
      { v: cellValue(k.target, k.unit), fmt },
      { v: cellValue(k.floor, k.unit), fmt },
      ...series.map((e) => ({ v: cellValue(e, k.unit), fmt })),
      { v: k.commentary ?? null },
      { v: k.included ?? "Yes" },
    ]);
  });
  // Monitor-only indicators follow the KPIs, in rows of their own.
  monitorOnlyIndicators.forEach((k, i) => {
    const series = [...padTo(k.results["2011/12"], 12), ...padTo(k.results["2012/13"], 10)];
    const fmt = FORMATS.count;
    putRow(ws, header + 1 + monthlyKpis.length + i, [
      { v: k.ref },
      { v: k.name },
      { v: k.serviceArea },
      { v: k.polarity },
      { v: k.targetWords },
      { v: null },
      ...series.map((e) => ({ v: cellValue(e, "count"), fmt })),
      { v: k.commentary ?? null },
      { v: "Yes" },
    ]);
  });
  const width = 6 + months.length + 2;
  styleHeader(ws, header, width, 2);
  setWidths(ws, [8, 52, 34, 9, 9, 9, ...months.map(() => 8), 60, 14]);
  finishSheet(ws, header + 1, 6 + months.length + 1);
}

/** The entries followed by nulls up to `length` (months not yet reported). */
function padTo(entries: readonly Entry[], length: number): Entry[] {
  return Array.from({ length }, (_, i) => entries[i] ?? null);
}

function addQuarterlyKpis(wb: ExcelJS.Workbook): void {
  // No title: some services keep their list starting in row 1.
  const ws = wb.addWorksheet("Quarterly KPIs");
  const header = 1;
  putRow(ws, header, [
    { v: "Ref" },
    { v: "Indicator" },
    { v: "Service Area" },
    { v: "Polarity" },
    { v: "Quarter" },
    { v: "Actual" },
    { v: "Target" },
    { v: "Floor" },
    { v: "Commentary" },
    { v: "Aggregation" },
  ]);
  let r = header + 1;
  for (const k of [...quarterlyKpis, ...cumulativeQuarterlyKpis]) {
    const fmt = FORMATS[k.unit];
    for (const q of k.rows) {
      putRow(ws, r++, [
        { v: k.ref },
        { v: k.name },
        { v: k.serviceArea },
        { v: k.polarity },
        { v: q.quarter },
        { v: cellValue(q.actual, k.unit), fmt },
        { v: cellValue(q.target, k.unit), fmt },
        { v: cellValue(q.floor, k.unit), fmt },
        { v: q.commentary ?? null },
        { v: k.aggregation ?? null },
      ]);
    }
  }
  styleHeader(ws, header, 10, 0);
  setWidths(ws, [8, 58, 34, 9, 12, 9, 9, 9, 60, 12]);
  finishSheet(ws, header + 1, 9);
}

function addAnnualKpis(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Annual KPIs");
  putTitle(ws, "Customer & Communities - Annual KPIs");
  const header = 3;
  putRow(ws, header, [
    { v: "Ref" },
    { v: "Indicator" },
    { v: "Service Area" },
    { v: "Polarity" },
    { v: "Target" },
    { v: "Floor Standard" },
    { v: "Tolerance" },
    ...YEARS.map((y) => ({ v: y })),
    { v: "Commentary" },
    // A comparator column, after everything else: the dashboard compares each result with it.
    { v: "England average" },
  ]);
  annualKpis.forEach((k, i) => {
    const fmt = FORMATS[k.unit];
    putRow(ws, header + 1 + i, [
      { v: k.ref },
      { v: k.name },
      { v: k.serviceArea },
      { v: k.polarity },
      { v: cellValue(k.target, k.unit), fmt },
      { v: k.floor === null ? null : cellValue(k.floor, k.unit), fmt },
      { v: k.tolerance === undefined ? null : cellValue(k.tolerance, "percent"), fmt: "0%" },
      ...k.results.map((e) => ({ v: cellValue(e, k.unit), fmt })),
      { v: k.commentary ?? null },
      { v: k.englandAverage === undefined ? null : cellValue(k.englandAverage, k.unit), fmt },
    ]);
  });
  styleHeader(ws, header, 7 + YEARS.length + 2, 2);
  setWidths(ws, [8, 58, 34, 9, 12, 12, 10, 12, 12, 12, 12, 60, 12]);
  finishSheet(ws, header + 1, 7 + YEARS.length + 1);
}

function addRolling(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Rolling 12");
  putTitle(
    ws,
    "Community Safety - recorded crime (rolling 12 months)",
    "Monthly counts from Kent Police. Targets and floor standards apply to the 12-month total.",
  );
  const months: Date[] = [];
  for (let i = 0; i < 24; i++) months.push(monthDate(2011 + Math.floor(i / 12), (i % 12) + 1));
  const header = 4;
  putRow(ws, header, [
    { v: "Ref" },
    { v: "Indicator" },
    { v: "Service Area" },
    { v: "Polarity" },
    { v: "Frequency" },
    { v: "Target" },
    { v: "Floor Standard" },
    ...months.map((d) => ({ v: d, fmt: "mmm-yy" })),
    { v: "Commentary" },
  ]);
  rollingKpis.forEach((k, i) => {
    const fmt = FORMATS.count;
    putRow(ws, header + 1 + i, [
      { v: k.ref },
      { v: k.name },
      { v: k.serviceArea },
      { v: k.polarity },
      { v: "Rolling 12 months" },
      { v: k.target, fmt },
      { v: k.floor, fmt },
      ...[...padTo(k.months[2011], 12), ...padTo(k.months[2012], 12)].map((e) => ({ v: cellValue(e, "count"), fmt })),
      { v: k.commentary ?? null },
    ]);
  });
  styleHeader(ws, header, 7 + months.length + 1, 2);
  setWidths(ws, [8, 30, 20, 9, 18, 10, 10, ...months.map(() => 8), 60]);
  finishSheet(ws, header + 1, 7 + months.length + 1);
}

function addActivity(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Activity");
  putTitle(ws, "Customer & Communities - Activity indicators");
  const header = 3;
  putRow(ws, header, [
    { v: "Ref" },
    { v: "Indicator" },
    { v: "Service Area" },
    { v: "Month" },
    { v: "Actual" },
    { v: "Expected" },
    { v: "Lower threshold" },
    { v: "Upper threshold" },
    { v: "Commentary" },
  ]);
  const fmt = FORMATS.count;
  let r = header + 1;
  for (const a of activityIndicators) {
    const base = [{ v: a.ref }, { v: a.name }, { v: a.serviceArea }];
    a.lastYear.forEach((actual, i) => {
      const month = monthDate(2011 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1);
      putRow(ws, r++, [...base, { v: month, fmt: "mmm yyyy" }, { v: cellValue(actual, "count"), fmt }]);
    });
    a.actual.forEach((actual, i) => {
      const month = monthDate(2012 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1);
      const expected = a.expected[i] ?? null;
      const lower = expected === null ? null : Math.round(expected * (1 - a.band / 100));
      const upper = expected === null ? null : Math.round(expected * (1 + a.band / 100));
      const last = i === a.actual.length - 1;
      putRow(ws, r++, [
        ...base,
        { v: month, fmt: "mmm yyyy" },
        { v: cellValue(actual, "count"), fmt },
        { v: expected, fmt },
        { v: lower, fmt },
        { v: upper, fmt },
        { v: last ? (a.commentary ?? null) : null },
      ]);
    });
  }
  styleHeader(ws, header, 9, 0);
  setWidths(ws, [8, 40, 34, 11, 12, 12, 12, 12, 60]);
  finishSheet(ws, header + 1, 9);
}

function addStaff(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Staff");
  putRow(ws, 1, [{ v: "Name" }, { v: "Role" }, { v: "Team" }, { v: "Phone" }]);
  staff.forEach((s, i) => putRow(ws, i + 2, [{ v: s.name }, { v: s.role }, { v: s.team }, { v: s.phone }]));
  styleHeader(ws, 1, 4, 0);
  setWidths(ws, [20, 34, 36, 14]);
  finishSheet(ws, 2, null);
}

/** Builds the sample workbook in memory. */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Corporate Performance Team";
  wb.lastModifiedBy = "Corporate Performance Team";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  addReadMe(wb);
  addMonthlyKpis(wb);
  addQuarterlyKpis(wb);
  addAnnualKpis(wb);
  addRolling(wb);
  addActivity(wb);
  addStaff(wb);
  return wb;
}

/**
 * Sets every entry's modification time in a zip to FIXED_DATE: the zip library stamps entries
 * with the current time, which would make the file differ on every run.
 */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const d = FIXED_DATE;
  const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("Not a zip file: no end of central directory record.");
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error(`Unexpected zip central directory at byte ${p}.`);
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

async function main(): Promise<void> {
  const path = resolve(process.argv[2] ?? "assets/sample-performance.xlsx");
  const buffer = Buffer.from(await buildSampleWorkbook().xlsx.writeBuffer());
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, fixZipTimestamps(buffer));
  console.log(`Wrote ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
