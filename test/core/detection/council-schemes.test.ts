import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { detectWorkbook } from "../../../src/core/detection";
import type { CellValue, Grid } from "../../../src/core/grid";
import type { Indicator, Observation } from "../../../src/core/indicator";
import type { WorkbookReading } from "../../../src/core/reading";

/** Reading the columns and words of councils' published schemes and of benchmarking sheets, from grids. */

function grid(sheet: string, values: CellValue[][], formats?: string[][]): Grid {
  return { sheet, origin: "A1", values, numberFormat: formats ?? values.map((row) => row.map(() => "General")) };
}

function read(...grids: Grid[]): WorkbookReading {
  return detectWorkbook(grids, { yearStartMonth: 4 });
}

function byRef(r: WorkbookReading, ref: string): Indicator & Record<string, unknown> {
  const found = r.indicators.find((i) => i.ref === ref);
  assert.ok(found, `${ref} was found (found: ${r.indicators.map((i) => i.ref).join(", ")})`);
  return found as Indicator & Record<string, unknown>;
}

function labels(i: Indicator): string[] {
  return i.series.filter((o) => o.actual !== null).map((o) => o.period.label);
}

function codes(r: WorkbookReading): string[] {
  return r.diagnostics.map((d) => d.code);
}

describe("detectWorkbook with councils' published schemes", () => {
  describe("monitor-only indicators", () => {
    const r = read(
      grid("KPIs", [
        ["Ref", "Indicator", "RAG type", "Target", "Apr-12", "May-12"],
        ["CS05", "Anti-social behaviour incidents", "", "Data only", 420, 390],
        ["CS06", "Hate crimes reported", "Monitor", "", 12, 14],
        ["CR01", "Calls answered", "KPI", 0.8, 0.78, 0.81],
      ]),
    );

    it("reads Data only in a target cell as monitor only, without a text-not-a-number diagnostic", () => {
      assert.equal(byRef(r, "CS05")["monitorOnly"], true);
      assert.deepEqual(
        codes(r).filter((c) => c === "text-not-a-number"),
        [],
      );
    });

    it("reads a RAG type column that says Monitor as monitor only, and leaves the others as they are", () => {
      assert.equal(byRef(r, "CS06")["monitorOnly"], true);
      assert.equal(byRef(r, "CS06").kind, "kpi");
      assert.notEqual(byRef(r, "CR01")["monitorOnly"], true);
    });
  });

  describe("polarity words of benchmarking sources", () => {
    const r = read(
      grid("LGBF", [
        ["Code", "Title", "Polarity", "Midpoint", "2021-22", "2022-23"],
        ["C1", "Cost per primary pupil", "Ascending", "", 5400, 5600],
        ["S1", "Adults satisfied with local schools", "Descending", "", 0.7, 0.72],
        ["G1", "Gender pay gap", "Goldilocks", 0, 0.04, 0.03],
      ]),
    );

    it("reads Ascending as lower, Descending as higher and Goldilocks as close to its midpoint, with no diagnostic", () => {
      assert.equal(byRef(r, "C1").polarity, "lower");
      assert.equal(byRef(r, "S1").polarity, "higher");
      assert.equal(byRef(r, "G1").polarity, "target");
      assert.deepEqual(
        codes(r).filter((c) => c.includes("polarity")),
        [],
      );
    });

    it("reads the midpoint from its own column", () => {
      const o = byRef(r, "G1").series.at(-1) as Observation & { midpoint?: number | null };
      assert.equal(o.midpoint, 0);
    });

    it("gives one diagnostic per column for an unknown word, and never a contradictory no-polarity", () => {
      const long = read(
        grid("Long", [
          ["Code", "Title", "Polarity", "Year", "Value"],
          ["A1", "First", "Sideways", "2021-22", 1],
          ["A1", "First", "Sideways", "2022-23", 2],
          ["A2", "Second", "Sideways", "2021-22", 3],
          ["A2", "Second", "Sideways", "2022-23", 4],
        ]),
      );
      const polarity = long.diagnostics.filter((d) => d.code.includes("polarity") && d.code !== "no-polarity-column");
      assert.equal(polarity.length, 1, polarity.map((d) => d.message).join("\n"));
      assert.equal(polarity[0]?.code, "unknown-polarity");
      assert.match(polarity[0]?.message ?? "", /and 3 more cells/);
    });
  });

  describe("periods read in the context of their row or column", () => {
    it("reads 2010-12 beside 2009-10 and 2011-12 as a two-year span, never December 2010, and keeps 2012-15 and 2018-20", () => {
      const r = read(
        grid("Wide", [
          ["Code", "Title", "2009-10", "2010-11", "2010-12", "2011-12", "2012-15", "2018-20"],
          ["Y1", "Annual", 1, 2, "", 3, "", ""],
          ["S2", "Two-year", "", "", 5, "", "", 6],
          ["S3", "Three-year", "", "", "", "", 7, ""],
        ]),
      );
      assert.deepEqual(labels(byRef(r, "Y1")), ["2009/10", "2010/11", "2011/12"]);
      assert.equal(byRef(r, "Y1").frequency, "year");
      assert.deepEqual(labels(byRef(r, "S2")), ["2010-12", "2018-20"]);
      assert.equal(byRef(r, "S2").frequency, "multiYear");
      assert.deepEqual(labels(byRef(r, "S3")), ["2012-15"]);
      assert.deepEqual(
        codes(r).filter((c) => c === "ambiguous-period" || c === "mixed-frequencies"),
        [],
      );
    });

    it("reads 2010-12 beside months as December 2010", () => {
      const r = read(
        grid("Months", [
          ["Ref", "Indicator", "Oct 2010", "Nov 2010", "2010-12"],
          ["M1", "Monthly", 1, 2, 3],
        ]),
      );
      assert.deepEqual(labels(byRef(r, "M1")), ["Oct 2010", "Nov 2010", "Dec 2010"]);
    });

    it("gives a header that could be a month or a span, with nothing around it to say which, a diagnostic", () => {
      const r = read(
        grid("Alone", [
          ["Ref", "Indicator", "Target", "2009-11"],
          ["A1", "Alone", 5, 4],
        ]),
      );
      const d = r.diagnostics.find((x) => x.code === "ambiguous-period");
      assert.equal(d?.cell, "D1");
      assert.match(d?.message ?? "", /November 2009/);
    });

    it("reads spans and 2018-19;Q1 quarters row by row in a long table, in the context of its period column", () => {
      const r = read(
        grid("Long", [
          ["Code", "Title", "Year", "Value"],
          ["S1", "Satisfaction (3-year)", "2010-13", 0.7],
          ["S1", "Satisfaction (3-year)", "2011-14", 0.72],
          ["S2", "Two-year", "2009-11", 0.5],
          ["S2", "Two-year", "2010-12", 0.55],
          ["Q1", "Quarterly", "2018-19;Q1", 10],
          ["Q1", "Quarterly", "2018-19;Q2", 12],
        ]),
      );
      assert.deepEqual(labels(byRef(r, "S1")), ["2010-13", "2011-14"]);
      assert.deepEqual(labels(byRef(r, "S2")), ["2009-11", "2010-12"]);
      assert.deepEqual(labels(byRef(r, "Q1")), ["Q1 2018/19", "Q2 2018/19"]);
      assert.deepEqual(
        codes(r).filter((c) => c === "unknown-period" || c === "ambiguous-period"),
        [],
      );
    });
  });

  describe("comparison with other councils", () => {
    it("reads comparator, quartile, rank and out-of columns of a wide table, with each comparator's header as its label", () => {
      const r = read(
        grid("Wide", [
          ["Code", "Title", "Polarity", "2021-22", "2022-23", "Scottish average", "Family group average", "Quartile", "Rank", "Out of"],
          ["S1", "Adults satisfied", "Descending", 0.7, 0.72, 0.7, 0.75, 1, 4, 32],
        ]),
      );
      const o = byRef(r, "S1").series.at(-1) as Observation & Record<string, unknown>;
      assert.deepEqual(
        (o["comparators"] as readonly { label: string; value: number }[]).map((c) => [c.label, c.value]),
        [
          ["Scottish average", 0.7],
          ["Family group average", 0.75],
        ],
      );
      assert.equal(o["quartile"], 1);
      assert.equal(o["rank"], 4);
      assert.equal(o["rankOf"], 32);
      assert.deepEqual(
        codes(r).filter((c) => c === "duplicate-column"),
        [],
      );
    });

    it("reads comparators row by row in a long table, and a rank written 4 of 32", () => {
      const r = read(
        grid("Long", [
          ["Code", "Title", "Year", "Value", "Scotland", "Rank"],
          ["C1", "Cost per pupil", "2021-22", 5400, 5600, "10 of 32"],
          ["C1", "Cost per pupil", "2022-23", 5500, 5800, "8 of 32"],
        ]),
      );
      const series = byRef(r, "C1").series as (Observation & Record<string, unknown>)[];
      assert.deepEqual(
        series.map((o) => (o["comparators"] as readonly { value: number }[])[0]?.value),
        [5600, 5800],
      );
      assert.deepEqual(
        series.map((o) => [o["rank"], o["rankOf"]]),
        [
          [10, 32],
          [8, 32],
        ],
      );
    });
  });

  describe("year to date, tolerances and stale limits from the sheet", () => {
    const r = read(
      grid("KPIs", [
        ["Ref", "Indicator", "Frequency", "Aggregation", "Target", "Green tolerance", "Stale after (months)", "Apr-12", "May-12"],
        ["Y1", "Apprenticeships started (YTD)", "Monthly", "", 10, "", "", 5, 9],
        ["Y2", "Businesses advised", "Monthly (cumulative)", "", 10, "", "", 5, 9],
        ["Y3", "Volunteers recruited", "Monthly", "Cumulative", 10, "", "", 5, 9],
        ["G1", "Calls answered", "Monthly", "", 0.8, "5%", "", 0.78, 0.79],
        ["B1", "Residents' survey", "2 yearly", "", 0.8, "", "", "", ""],
        ["B2", "Tenants' survey", "Annual", "", 0.8, "", 36, "", ""],
      ]),
    );

    it("marks an indicator cumulative by its name, its frequency or its aggregation, with no warning", () => {
      for (const ref of ["Y1", "Y2", "Y3"]) assert.equal(byRef(r, ref)["cumulative"], true, ref);
      assert.notEqual(byRef(r, "G1")["cumulative"], true);
      assert.equal(byRef(r, "Y2").frequency, "month");
      assert.deepEqual(
        codes(r).filter((c) => c === "unknown-frequency" || c === "unknown-ytd-method"),
        [],
      );
    });

    it("reads a green tolerance column as the indicator's own green band", () => {
      assert.deepEqual(byRef(r, "G1")["greenTolerance"], { kind: "percent", value: 0.05 });
    });

    it("reads a 2 yearly frequency and a stale-after column as the indicator's own stale limit", () => {
      assert.equal(byRef(r, "B1")["staleAfterMonths"], 24);
      assert.equal(byRef(r, "B2")["staleAfterMonths"], 36);
    });
  });

  describe("columns not used", () => {
    it("lists once per sheet the columns it did not take, so nothing is ignored without a word", () => {
      const r = read(
        grid("KPIs", [
          ["Ref", "Indicator", "Description", "Lead officer", "Widgets", "Apr-12", "May-12"],
          ["A1", "First", "What it is", "A. Officer", 3, 1, 2],
          [],
          ["Ref", "Indicator", "RAG", "Jun-12"],
          ["A2", "Second", "GREEN", 4],
        ]),
      );
      const unused = r.diagnostics.filter((d) => d.code === "unused-columns");
      assert.equal(unused.length, 1);
      assert.equal(unused[0]?.severity, "info");
      for (const column of ['C "Description"', 'D "Lead officer"', 'E "Widgets"', 'C "RAG"'])
        assert.ok(unused[0]?.message.includes(column), `${column} in: ${unused[0]?.message}`);
    });

    it("says nothing when every column was used", () => {
      const r = read(
        grid("KPIs", [
          ["Ref", "Indicator", "Apr-12"],
          ["A1", "First", 1],
        ]),
      );
      assert.deepEqual(
        codes(r).filter((c) => c === "unused-columns"),
        [],
      );
    });
  });
});
