import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "mocha";
import { readWorkbookGrids } from "../../../src/cli/xlsx-reader";
import { isoToSerial } from "../../../src/core/calendar";
import { detectWorkbook } from "../../../src/core/detection";
import type { CellValue, Grid } from "../../../src/core/grid";
import type { Indicator, Observation } from "../../../src/core/indicator";
import type { WorkbookReading } from "../../../src/core/reading";

const fixture = (name: string): string => path.join(__dirname, "..", "..", "fixtures", name);

async function readFixture(name: string, yearStartMonth = 4): Promise<WorkbookReading> {
  return detectWorkbook(await readWorkbookGrids(fixture(name)), { yearStartMonth });
}

function grid(sheet: string, values: CellValue[][], origin = "A1", formats?: string[][]): Grid {
  return { sheet, origin, values, numberFormat: formats ?? values.map((row) => row.map(() => "General")) };
}

function byName(reading: WorkbookReading, name: string): Indicator {
  const found = reading.indicators.find((i) => i.name === name);
  assert.ok(found, `indicator "${name}" was found (found: ${reading.indicators.map((i) => i.name).join(", ")})`);
  return found;
}

function at(indicator: Indicator, label: string): Observation {
  const o = indicator.series.find((s) => s.period.label === label);
  assert.ok(o, `${indicator.name} has ${label} (has: ${indicator.series.map((s) => s.period.label).join(", ")})`);
  return o;
}

describe("detectWorkbook", () => {
  describe("a wide monthly sheet under a merged title, with real-date headers", () => {
    let r: WorkbookReading;
    before(async () => {
      r = await readFixture("wide-monthly.xlsx");
    });

    it("finds the table below the title and notes, and says what it found", () => {
      const s = r.sheets.find((x) => x.sheet === "KPIs");
      assert.equal(s?.layout, "wide");
      assert.equal(s?.headerRow, 4);
      assert.equal(s?.sure, true);
      assert.equal(s?.kpis, 4);
      assert.match(s?.note ?? "", /4 KPIs/);
    });

    it("recognises a notes sheet and a hidden staff list as holding no indicators", () => {
      for (const name of ["Notes", "Lookup"]) {
        const s = r.sheets.find((x) => x.sheet === name);
        assert.equal(s?.layout, "none");
        assert.match(s?.note ?? "", /No indicator table found: looked for/);
      }
    });

    it("reads ref, name, service area, polarity, frequency, unit and number format", () => {
      const calls = byName(r, "% calls answered within 20 seconds");
      assert.equal(calls.ref, "CR01");
      assert.equal(calls.serviceArea, "Customer Relationship");
      assert.equal(calls.kind, "kpi");
      assert.equal(calls.polarity, "higher");
      assert.equal(calls.frequency, "month");
      assert.equal(calls.unit, "percentage");
      assert.equal(calls.numberFormat, "0.0%");
      assert.equal(calls.id, "KPIs!5");
      assert.equal(calls.row, 5);
      assert.equal(byName(r, "Recorded crime").polarity, "lower");
      assert.equal(byName(r, "Recorded crime").unit, "count");
      assert.equal(byName(r, "Income from ceremonies").unit, "money");
    });

    it("makes one observation per month column, April 2012 to March 2013, with the row's target and floor", () => {
      const calls = byName(r, "% calls answered within 20 seconds");
      assert.equal(calls.series.length, 12);
      assert.equal(calls.series[0]?.period.label, "Apr 2012");
      assert.equal(calls.series[11]?.period.label, "Mar 2013");
      const may = at(calls, "May 2012");
      assert.equal(may.actual, 0.81);
      assert.equal(may.target, 0.8);
      assert.equal(may.floor, 0.75);
      assert.deepEqual(may.cells, { actual: "H5", target: "E5", floor: "F5" });
    });

    it("reads typed text, formulas and missing markers honestly", () => {
      const calls = byName(r, "% calls answered within 20 seconds");
      assert.equal(at(calls, "Jun 2012").actual, 0.721);
      assert.equal(at(calls, "Jul 2012").actual, null);
      assert.equal(at(calls, "Jan 2013").actual, null);
      const crime = byName(r, "Recorded crime");
      assert.equal(at(crime, "May 2012").actual, 1010);
      assert.equal(at(crime, "Jun 2012").actual, 1234);
      assert.equal(byName(r, "Income from ceremonies").series[1]?.actual, 1200);
    });

    it("reads an error cell as no data with a warning naming the cell", () => {
      assert.equal(at(byName(r, "Recorded crime"), "Aug 2012").actual, null);
      const d = r.diagnostics.find((x) => x.cell === "K6");
      assert.equal(d?.code, "error-value");
      assert.equal(d?.sheet, "KPIs");
    });

    it("reads a rich-text name as its plain text", () => {
      assert.equal(byName(r, "Net satisfaction with the website").ref, "DS02");
    });

    it("defaults a blank polarity to higher with an info diagnostic naming the cell", () => {
      assert.equal(byName(r, "Net satisfaction with the website").polarity, "higher");
      const d = r.diagnostics.find((x) => x.cell === "D7");
      assert.equal(d?.code, "no-polarity");
      assert.equal(d?.severity, "info");
    });

    it("puts the commentary on the latest month with a result", () => {
      const dec = at(byName(r, "% calls answered within 20 seconds"), "Dec 2012");
      assert.equal(dec.commentary, "See the call centre report");
      assert.equal(dec.cells.commentary, "S5");
    });
  });

  describe("long tables", () => {
    let r: WorkbookReading;
    before(async () => {
      r = await readFixture("long-tables.xlsx");
    });

    it("reads activity indicators with expected, lower and upper thresholds", () => {
      const visits = byName(r, "Library visits");
      assert.equal(visits.kind, "activity");
      assert.equal(visits.ref, "LAR01");
      assert.equal(visits.serviceArea, "Libraries");
      const apr = at(visits, "Apr 2012");
      assert.deepEqual([apr.actual, apr.expected, apr.lower, apr.upper], [510000, 500000, 475000, 525000]);
      assert.deepEqual(apr.cells, { actual: "E4", expected: "F4", lower: "G4", upper: "H4" });
    });

    it("groups rows whose name was left blank under the indicator above", () => {
      const visits = byName(r, "Library visits");
      assert.deepEqual(
        visits.series.map((o) => o.period.label),
        ["Apr 2012", "May 2012", "Jun 2012"],
      );
      assert.equal(at(visits, "May 2012").actual, 470000);
      assert.equal(at(visits, "Jun 2012").actual, null);
      assert.equal(at(visits, "Jun 2012").expected, 500000);
    });

    it("groups rows of the same reference into one indicator", () => {
      assert.equal(r.indicators.filter((i) => i.ref === "DS01").length, 1);
      assert.equal(byName(r, "Website visits").series.length, 2);
    });

    it("keeps profiled targets that differ by month, with real-date periods", () => {
      const fte = byName(r, "First time entrants to youth justice");
      assert.equal(fte.polarity, "lower");
      assert.equal(fte.kind, "kpi");
      assert.deepEqual(
        fte.series.map((o) => [o.period.label, o.actual, o.target, o.floor]),
        [
          ["Apr 2012", 35, 40, 50],
          ["May 2012", 52, 38, 48],
          ["Jun 2012", 41, 36, 46],
        ],
      );
    });

    it("skips a row whose period is not recognised, with a warning naming the cell", () => {
      const eet = byName(r, "Young offenders in EET");
      assert.equal(eet.series.length, 1);
      assert.equal(eet.unit, "percentage");
      const d = r.diagnostics.find((x) => x.sheet === "KPI long" && x.cell === "B6");
      assert.equal(d?.code, "unknown-period");
    });
  });

  describe("stacked tables on one sheet", () => {
    let r: WorkbookReading;
    before(async () => {
      r = await readFixture("stacked.xlsx");
    });

    it("finds each table under its own header", () => {
      const s = r.sheets[0];
      assert.equal(r.indicators.length, 6);
      assert.match(s?.note ?? "", /^5 tables/);
      assert.equal(s?.headerRow, 2);
    });

    it("reads text month, quarter and year headers", () => {
      assert.equal(byName(r, "Book issues").frequency, "month");
      assert.equal(at(byName(r, "Book issues"), "May 2012").actual, 310000);
      const drugs = byName(r, "Problem drug users completing treatment");
      assert.equal(drugs.frequency, "quarter");
      assert.deepEqual(
        drugs.series.map((o) => o.period.label),
        ["Q1 2012/13", "Q2 2012/13", "Q3 2012/13"],
      );
      const learners = byName(r, "Learners achieving a qualification");
      assert.equal(learners.frequency, "year");
      assert.equal(at(learners, "2012/13").actual, 0.87);
    });

    it("marks monthly counts under a rolling 12 months title as rolling, computed by the rules", () => {
      const crime = byName(r, "Recorded crime");
      assert.equal(crime.frequency, "rolling12");
      assert.equal(crime.rollingInSource, false);
      assert.equal(crime.series[0]?.period.label, "Oct 2012");
    });

    it("marks figures under '12 months to' headers as already rolling", () => {
      const asb = byName(r, "Anti-social behaviour incidents");
      assert.equal(asb.frequency, "rolling12");
      assert.equal(asb.rollingInSource, true);
      assert.deepEqual(
        asb.series.map((o) => o.period.label),
        ["12 months to Oct 2012", "12 months to Nov 2012", "12 months to Dec 2012"],
      );
      assert.equal(asb.polarity, "lower");
    });

    it("does not let one table's title become a heading or an indicator of the table above", () => {
      assert.equal(
        r.indicators.some((i) => /indicators$/.test(i.name)),
        false,
      );
      assert.equal(byName(r, "Deaths registered within 5 days").serviceArea, null);
    });
  });

  describe("synonym headers and describing columns", () => {
    let r: WorkbookReading;
    before(async () => {
      r = await readFixture("synonyms.xlsx");
    });

    it("maps PI Code, Performance Indicator, Directorate, Good performance is, BP target and Floor standard", () => {
      const cols = Object.fromEntries((r.sheets[0]?.columns ?? []).map((c) => [c.column, c.role]));
      assert.deepEqual(
        [cols.A, cols.B, cols.C, cols.D, cols.E, cols.F, cols.G, cols.H, cols.I, cols.J, cols.K, cols.L, cols.M],
        ["ref", "name", "serviceArea", "polarity", "target", "floor", "frequency", "unit", "aggregation", "tolerance", "included", "commentary", "period"],
      );
    });

    it("reads quarter headers in their several spellings", () => {
      const drugs = byName(r, "Problem drug users completing treatment");
      assert.deepEqual(
        drugs.series.map((o) => o.period.label),
        ["Q1 2012/13", "Q2 2012/13", "Q3 2012/13", "Q4 2012/13"],
      );
      assert.equal(drugs.unit, "percentage");
      assert.equal(drugs.aggregation, "ratio");
      assert.deepEqual(drugs.tolerance, { kind: "percent", value: 0.05 });
    });

    it("reads close-to-target polarity, an absolute tolerance and an exclusion with its reason", () => {
      const rogue = byName(r, "Rogue traders disrupted");
      assert.equal(rogue.polarity, "target");
      assert.deepEqual(rogue.tolerance, { kind: "absolute", value: 2 });
      assert.equal(rogue.excluded, "data under review");
      assert.equal(rogue.aggregation, "sum");
      assert.equal(byName(r, "Problem drug users completing treatment").excluded, null);
    });

    it("warns about a polarity it cannot read and assumes higher", () => {
      assert.equal(byName(r, "Jobs created").polarity, "higher");
      const d = r.diagnostics.find((x) => x.cell === "D4");
      assert.equal(d?.code, "unknown-polarity");
    });

    it("reads academic years from September when the year starts in September", async () => {
      const academic = await readFixture("synonyms.xlsx", 9);
      const learners = byName(academic, "Adult learners achieving");
      assert.equal(learners.polarity, "higher");
      assert.equal(at(learners, "2012/13").period.start, "2012-09-01");
      assert.equal(at(learners, "2012/13").target, 0.8);
    });
  });

  describe("messy values", () => {
    it("reads every messy value to the number a person would, or to no data", async () => {
      const r = await readFixture("messy.xlsx");
      const expected: Record<string, number | null> = {
        "percent text": 0.721,
        thousands: 1234,
        "millions of pounds": 2_500_000,
        pounds: 1200,
        padded: 85,
        "bracketed negative": -12,
        starred: 0.721,
        dagger: 85,
        provisional: 85,
        "n/a": null,
        "N/A": null,
        hyphen: null,
        "en dash": null,
        asterisk: null,
        dots: null,
        TBC: null,
        tbc: null,
        nil: 0,
        "error N/A": null,
        "error DIV/0": null,
        "error REF": null,
        about: null,
        "see note": null,
        number: 42,
        "fraction as percent": 0.85,
      };
      for (const [name, value] of Object.entries(expected)) assert.equal(byName(r, name).series[0]?.actual, value, name);
      const warned = r.diagnostics.filter((d) => d.severity === "warning").map((d) => [d.cell, d.code]);
      assert.deepEqual(warned, [
        ["C20", "error-value"],
        ["C21", "error-value"],
        ["C22", "error-value"],
        ["C23", "text-not-a-number"],
        ["C24", "text-not-a-number"],
      ]);
    });
  });

  describe("literal grids", () => {
    it("addresses cells from the grid's origin", () => {
      const r = detectWorkbook(
        [
          grid(
            "S",
            [
              ["Indicator", "Apr-12"],
              ["Visits", 5],
            ],
            "C10",
          ),
        ],
        { yearStartMonth: 4 },
      );
      const v = byName(r, "Visits");
      assert.equal(v.row, 11);
      assert.equal(v.series[0]?.cells.actual, "D11");
      assert.equal(r.sheets[0]?.headerRow, 10);
      assert.deepEqual(
        r.sheets[0]?.columns.map((c) => c.column),
        ["C", "D"],
      );
    });

    it("reads an empty grid, a 1x1 grid and ragged rows without throwing", () => {
      const ragged = grid("Ragged", [["Indicator", "Apr-12", "May-12"], ["A"], ["B", 1, 2, 3, 4]]);
      const r = detectWorkbook([grid("Empty", []), grid("One", [[""]]), ragged], { yearStartMonth: 4 });
      assert.equal(r.sheets.length, 3);
      assert.equal(r.sheets[0]?.layout, "none");
      assert.equal(r.sheets[1]?.layout, "none");
      assert.equal(at(byName(r, "B"), "May 2012").actual, 2);
    });

    it("turns a section heading row into the service area of the rows below", () => {
      const r = detectWorkbook(
        [
          grid("S", [
            ["Ref", "Indicator", "Apr-12"],
            ["Libraries", "", ""],
            ["L1", "Visits", 5],
            ["Youth", "", ""],
            ["Y1", "Entrants", 3],
          ]),
        ],
        { yearStartMonth: 4 },
      );
      assert.equal(byName(r, "Visits").serviceArea, "Libraries");
      assert.equal(byName(r, "Entrants").serviceArea, "Youth");
      assert.equal(r.indicators.length, 2);
    });

    it("reads a quarterly indicator kept under month headers into quarters", () => {
      const r = detectWorkbook(
        [
          grid("S", [
            ["Indicator", "Frequency", "Apr-12", "May-12", "Jun-12", "Jul-12", "Aug-12", "Sep-12"],
            ["Drugs", "Quarterly", "", "", 0.4, "", "", 0.5],
          ]),
        ],
        { yearStartMonth: 4 },
      );
      const drugs = byName(r, "Drugs");
      assert.equal(drugs.frequency, "quarter");
      assert.deepEqual(
        drugs.series.map((o) => [o.period.label, o.actual, o.cells.actual]),
        [
          ["Q1 2012/13", 0.4, "E2"],
          ["Q2 2012/13", 0.5, "H2"],
        ],
      );
    });

    it("makes an indicator with expected and threshold figures an activity indicator, and one with a target a KPI", () => {
      const r = detectWorkbook(
        [
          grid("S", [
            ["Indicator", "Target", "Expected", "Lower", "Upper", "Apr-12"],
            ["Calls", "", 100, 90, 110, 95],
            ["Answered", 0.8, "", "", "", 0.82],
          ]),
        ],
        { yearStartMonth: 4 },
      );
      assert.equal(byName(r, "Calls").kind, "activity");
      assert.equal(byName(r, "Answered").kind, "kpi");
      assert.equal(at(byName(r, "Calls"), "Apr 2012").expected, 100);
    });

    it("reads a year-named target over monthly results as the whole row's target", () => {
      const r = detectWorkbook(
        [
          grid("S", [
            ["Indicator", "Target 2012/13", "Apr-12", "May-12"],
            ["Visits", 50, 40, 45],
          ]),
        ],
        { yearStartMonth: 4 },
      );
      const v = byName(r, "Visits");
      assert.deepEqual(
        v.series.map((o) => o.target),
        [50, 50],
      );
    });

    it("reads per-year outturn and target columns of an annual table", () => {
      const r = detectWorkbook(
        [
          grid("S", [
            ["Indicator", "2011/12 Outturn", "2012/13 Outturn", "2012/13 Target"],
            ["Funding", 10, 12, 11],
          ]),
        ],
        { yearStartMonth: 4 },
      );
      const f = byName(r, "Funding");
      assert.equal(f.frequency, "year");
      assert.deepEqual(
        f.series.map((o) => [o.period.label, o.actual, o.target]),
        [
          ["2011/12", 10, null],
          ["2012/13", 12, 11],
        ],
      );
      assert.equal(at(f, "2012/13").cells.target, "D2");
    });

    it("is unsure, and warns, when two columns claim the same role", () => {
      const r = detectWorkbook(
        [
          grid("S", [
            ["Indicator", "Target", "Annual target", "Apr-12"],
            ["Visits", 50, 600, 40],
          ]),
        ],
        { yearStartMonth: 4 },
      );
      assert.equal(r.sheets[0]?.sure, false);
      assert.equal(at(byName(r, "Visits"), "Apr 2012").target, 50);
      const d = r.diagnostics.find((x) => x.cell === "C1");
      assert.equal(d?.code, "duplicate-column");
    });

    it("guesses a header with no recognised names, and says it is unsure", () => {
      const r = detectWorkbook(
        [
          grid("S", [
            ["", "Apr-12", "May-12", "Jun-12"],
            ["Visits", 1, 2, 3],
            ["Issues", 4, 5, 6],
          ]),
        ],
        { yearStartMonth: 4 },
      );
      assert.equal(r.sheets[0]?.sure, false);
      assert.equal(r.indicators.length, 2);
      assert.equal(at(byName(r, "Issues"), "Jun 2012").actual, 6);
      assert.ok(r.diagnostics.some((d) => d.code === "guessed-header-row" && d.cell === "A1"));
    });

    it("reads only the selected sheets and lists the others as not selected", () => {
      const a = grid("A", [
        ["Indicator", "Apr-12"],
        ["X", 1],
      ]);
      const b = grid("B", [
        ["Indicator", "Apr-12"],
        ["Y", 1],
      ]);
      const r = detectWorkbook([a, b], { yearStartMonth: 4, sheets: ["B", "Missing"] });
      assert.deepEqual(
        r.indicators.map((i) => i.name),
        ["Y"],
      );
      assert.match(r.sheets[0]?.note ?? "", /not selected/i);
      assert.ok(r.diagnostics.some((d) => d.code === "selected-sheet-missing" && d.sheet === "Missing" && d.cell === null));
    });

    it("turns a sheet that breaks the reader into an error diagnostic and still reads the others", () => {
      const hostile = {
        sheet: "Bad",
        origin: "A1",
        get values(): never {
          throw new Error("boom");
        },
        numberFormat: [],
      } as unknown as Grid;
      const good = grid("Good", [
        ["Indicator", "Apr-12"],
        ["X", 1],
      ]);
      const r = detectWorkbook([hostile, good], { yearStartMonth: 4 });
      assert.equal(r.indicators.length, 1);
      assert.ok(r.diagnostics.some((d) => d.code === "sheet-unreadable" && d.severity === "error" && d.sheet === "Bad"));
    });
  });

  describe("hand-made mapping", () => {
    const sheet = grid("Odd", [
      ["Team return"],
      ["Code", "What", "Good if", "Goal", "Month", "Number"],
      ["X1", "Visits", "Down", 10, "Apr 2012", 12],
      ["X1", "Visits", "Down", 10, "May 2012", 9],
    ]);

    it("overrides detection with the mapped header row, layout and columns", () => {
      const r = detectWorkbook([sheet], {
        yearStartMonth: 4,
        mapping: { sheets: { Odd: { headerRow: 2, layout: "long", columns: { A: "ref", B: "name", C: "polarity", D: "target", E: "period", F: "actual" } } } },
      });
      assert.equal(r.sheets[0]?.mapped, true);
      assert.equal(r.sheets[0]?.layout, "long");
      const v = byName(r, "Visits");
      assert.equal(v.polarity, "lower");
      assert.deepEqual(
        v.series.map((o) => [o.period.label, o.actual, o.target, o.cells.actual]),
        [
          ["Apr 2012", 12, 10, "F3"],
          ["May 2012", 9, 10, "F4"],
        ],
      );
    });

    it("reads unmapped period headers of a wide mapping as periods, and applies the defaults", () => {
      const wide = grid("W", [
        ["Name", "Apr-12", "May-12"],
        ["Visits", 1, 2],
      ]);
      const r = detectWorkbook([wide], {
        yearStartMonth: 4,
        mapping: { sheets: { W: { headerRow: 1, layout: "wide", columns: { A: "name" }, defaults: { kind: "activity", serviceArea: "Libraries" } } } },
      });
      const v = byName(r, "Visits");
      assert.equal(v.series.length, 2);
      assert.equal(v.kind, "activity");
      assert.equal(v.serviceArea, "Libraries");
    });

    it("reports a mapping whose header row is outside the sheet, without throwing", () => {
      const r = detectWorkbook([sheet], { yearStartMonth: 4, mapping: { sheets: { Odd: { headerRow: 99, layout: "wide", columns: { A: "name" } } } } });
      assert.equal(r.sheets[0]?.layout, "none");
      assert.ok(r.diagnostics.some((d) => d.code === "mapping-header-outside-data" && d.severity === "error"));
    });
  });

  describe("scale", () => {
    // How long this takes is reported by `npm run bench`; the test checks that nothing is lost at scale.
    it("reads 1,000 indicators over 60 months with every period kept", () => {
      const header: CellValue[] = ["Ref", "Indicator", "Polarity", "Target", "Floor"];
      for (let m = 0; m < 60; m++) header.push(isoToSerial(`${2011 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`));
      const formats: string[][] = [header.map((_, i) => (i >= 5 ? "mmm-yy" : "General"))];
      const values: CellValue[][] = [header];
      for (let i = 0; i < 1000; i++) {
        const row: CellValue[] = [`R${i}`, `Indicator ${i}`, i % 2 ? "Higher" : "Lower", 0.8, 0.7];
        for (let m = 0; m < 60; m++) row.push(m % 17 === 0 ? "n/a" : 0.5 + ((i + m) % 40) / 100);
        values.push(row);
        formats.push(row.map(() => "0.0%"));
      }
      const r = detectWorkbook([grid("Big", values, "A1", formats)], { yearStartMonth: 4 });
      assert.equal(r.indicators.length, 1000);
      assert.equal(r.indicators[999]?.series.length, 60);
      assert.equal(r.indicators[999]?.series.filter((o) => o.actual === null).length, 4);
    });
  });

  const samplePath = path.join(__dirname, "..", "..", "..", "assets", "sample-performance.xlsx");
  (existsSync(samplePath) ? describe : describe.skip)("the sample workbook", () => {
    it("finds indicators on every indicator sheet, surely and without warnings", async () => {
      const r = detectWorkbook(await readWorkbookGrids(samplePath), { yearStartMonth: 4 });
      const withTables = r.sheets.filter((s) => s.layout !== "none");
      assert.ok(withTables.length >= 3);
      for (const s of withTables) {
        assert.equal(s.sure, true, s.sheet);
        assert.ok(s.kpis + s.activities > 0, s.sheet);
      }
      assert.deepEqual(
        r.diagnostics.filter((d) => d.severity !== "info"),
        [],
      );
      for (const s of withTables) {
        const withResults = r.indicators.filter((i) => i.sheet === s.sheet && i.series.some((o) => o.actual !== null));
        assert.ok(withResults.length > 0, `${s.sheet} has indicators with results`);
      }
    });
  });
});
