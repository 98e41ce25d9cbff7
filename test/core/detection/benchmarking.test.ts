import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "mocha";
import { readWorkbookGrids } from "../../../src/cli/xlsx-reader";
import type { Dashboard, IndicatorResult } from "../../../src/core/dashboard";
import type { Grid } from "../../../src/core/grid";
import { runPipeline } from "../../../src/core/pipeline";
import type { WorkbookReading } from "../../../src/core/reading";
import { defaultSettings } from "../../../src/core/settings";

/**
 * Benchmarking data as a council receives it (test/fixtures/benchmarking.xlsx, made by
 * make-fixtures.ts): read with no mapping, every indicator, period and polarity must come out right.
 */
describe("a benchmarking workbook read with no mapping", () => {
  let grids: Grid[];
  let reading: WorkbookReading;
  let dashboard: Dashboard;
  before(async () => {
    grids = await readWorkbookGrids(path.join(__dirname, "..", "..", "fixtures", "benchmarking.xlsx"));
    ({ reading, dashboard } = runPipeline(grids, defaultSettings(), "2024-06-10"));
  });

  const row = (ref: string): IndicatorResult => {
    const found = dashboard.indicators.find((i) => i.ref === ref);
    assert.ok(found, `${ref} is on the dashboard`);
    return found;
  };
  const labels = (ref: string): string[] =>
    reading.indicators
      .find((i) => i.ref === ref)
      ?.series.filter((o) => o.actual !== null)
      .map((o) => o.period.label) ?? [];

  it("finds all seven indicators on the wide and long sheets", () => {
    assert.deepEqual(
      reading.indicators.map((i) => i.ref),
      ["CHN1", "CHN10", "CORP3b", "C&L5a", "ECON1", "HSN1", "SW4b"],
    );
  });

  it("reads every polarity word: Ascending is lower, Descending higher, Goldilocks close to its midpoint", () => {
    assert.deepEqual(
      reading.indicators.map((i) => [i.ref, i.polarity]),
      [
        ["CHN1", "lower"],
        ["CHN10", "higher"],
        ["CORP3b", "target"],
        ["C&L5a", "higher"],
        ["ECON1", "higher"],
        ["HSN1", "lower"],
        ["SW4b", "higher"],
      ],
    );
  });

  it("reads annual years, spans and quarters, each indicator in its own frequency", () => {
    assert.equal(labels("CHN1").length, 15);
    assert.deepEqual([labels("CHN1")[0], labels("CHN1").at(-1)], ["2009/10", "2023/24"]);
    assert.deepEqual(labels("CHN10"), ["2012-15", "2019-22", "2020-23", "2021-24"]);
    assert.deepEqual(labels("C&L5a"), ["2010-12", "2022-24"]);
    assert.deepEqual(labels("HSN1"), ["Q1 2022/23", "Q2 2022/23", "Q3 2022/23", "Q4 2022/23", "Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Q4 2023/24"]);
    assert.deepEqual(labels("SW4b"), ["2009-11", "2016-18", "2018-20", "2020-22", "2022-24"]);
    assert.deepEqual(
      reading.indicators.map((i) => i.frequency),
      ["year", "multiYear", "year", "multiYear", "year", "quarter", "multiYear"],
    );
  });

  it("dates the dashboard by the latest results of every frequency, March 2024, and shows every indicator's latest result", () => {
    assert.equal(dashboard.cutoff, "2024-03");
    for (const i of dashboard.indicators) assert.notEqual(i.rag, "NO_DATA", `${i.ref} ${i.reason ?? ""}`);
    assert.equal(row("SW4b").period?.label, "2022-24");
    assert.equal(row("CHN10").previous?.period.label, "2020-23");
  });

  it("reads the Scottish and family group averages and the rank, and says how the council compares", () => {
    const cost = row("CHN1");
    assert.deepEqual(
      cost.comparisons.map((c) => c.words),
      ["better than the Scottish average (£5,790)", "better than the family group average (£5,650)"],
    );
    assert.equal(cost.rank?.words, "ranked 12");
    assert.equal(row("ECON1").rank?.words, "ranked 16 of 32");
    assert.equal(row("SW4b").rank?.words, "ranked 9 of 32");
  });

  it("gives no diagnostic about periods, polarities or frequencies", () => {
    const noisy = dashboard.diagnostics.filter((d) => /period|polarity|frequenc/.test(d.code) && d.code !== "no-period-chosen");
    assert.deepEqual(
      noisy.map((d) => `${d.code}: ${d.message}`),
      [],
    );
  });
});
