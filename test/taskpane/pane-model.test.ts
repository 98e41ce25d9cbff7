import { strict as assert } from "node:assert";
import type { RagCounts } from "../../src/core/dashboard";
import type { Indicator, Observation } from "../../src/core/indicator";
import type { SheetReading } from "../../src/core/reading";
import { defaultSettings } from "../../src/core/settings";
import {
  editableMapping,
  isSheetIncluded,
  monthLabel,
  monthsWithData,
  plural,
  ragSummary,
  sheetFindings,
  withSheetIncluded,
  withSheetMapping,
} from "../../src/taskpane/pane-model";
import { obs } from "../core/rules/indicator-builder";

function counts(partial: Partial<RagCounts>): RagCounts {
  return { GREEN: 0, AMBER: 0, RED: 0, NO_DATA: 0, NO_TARGET: 0, MONITOR: 0, EXCEEDED: 0, activity: 0, total: 0, ...partial };
}

function sheet(name: string, partial: Partial<SheetReading> = {}): SheetReading {
  return {
    sheet: name,
    layout: "wide",
    headerRow: 3,
    columns: [],
    kpis: 2,
    activities: 0,
    sure: true,
    note: "",
    mapped: false,
    ...partial,
  };
}

function observation(end: string, actual: number | null): Observation {
  return obs({ label: end, start: `${end.slice(0, 7)}-01`, end }, { actual });
}

function indicator(sheetName: string, series: Observation[]): Indicator {
  return {
    id: `${sheetName}!4`,
    sheet: sheetName,
    row: 4,
    ref: null,
    name: "Visits",
    serviceArea: null,
    kind: "kpi",
    polarity: "higher",
    frequency: "month",
    unit: "count",
    numberFormat: null,
    aggregation: null,
    tolerance: null,
    rollingInSource: false,
    excluded: null,
    series,
  };
}

describe("ragSummary", () => {
  it("says how many indicators there are and how many of each alert", () => {
    assert.equal(ragSummary(counts({ total: 32, GREEN: 20, AMBER: 7, RED: 3, NO_DATA: 2 })), "32 indicators: 20 green, 7 amber, 3 red, 2 no data");
  });

  it("mentions indicators without a target and activity indicators only when there are some", () => {
    assert.equal(
      ragSummary(counts({ total: 6, GREEN: 1, NO_TARGET: 2, activity: 3 })),
      "6 indicators: 1 green, 0 amber, 0 red, 0 no data, 2 without a target, 3 activity indicators",
    );
  });

  it("uses the singular for one indicator", () => {
    assert.equal(ragSummary(counts({ total: 1, RED: 1 })), "1 indicator: 0 green, 0 amber, 1 red, 0 no data");
  });
});

describe("monthLabel", () => {
  it("names the month and year of a YYYY-MM month", () => {
    assert.equal(monthLabel("2013-01"), "January 2013");
    assert.equal(monthLabel("2012-12"), "December 2012");
  });

  it("returns anything that is not a month unchanged", () => {
    assert.equal(monthLabel("2013-13"), "2013-13");
    assert.equal(monthLabel("Q3"), "Q3");
  });
});

describe("plural", () => {
  it("adds an s except for one", () => {
    assert.equal(plural(0, "KPI"), "0 KPIs");
    assert.equal(plural(1, "KPI"), "1 KPI");
    assert.equal(plural(2, "sheet"), "2 sheets");
  });
});

describe("sheetFindings", () => {
  it("counts KPIs and activity indicators and names the layout", () => {
    assert.equal(sheetFindings(sheet("Monthly", { kpis: 12, activities: 1 })), "12 KPIs, 1 activity indicator · periods across");
    assert.equal(sheetFindings(sheet("Long", { layout: "long", kpis: 1, activities: 0 })), "1 KPI · one row per period");
    assert.equal(sheetFindings(sheet("Activity", { layout: "long", kpis: 0, activities: 2 })), "2 activity indicators · one row per period");
  });

  it("says so when a table was found but no indicator in it", () => {
    assert.equal(sheetFindings(sheet("Empty", { kpis: 0, activities: 0 })), "No indicators · periods across");
  });

  it("says plainly when no table was found", () => {
    assert.equal(sheetFindings(sheet("Notes", { layout: "none", kpis: 0 })), "No indicator table found");
  });
});

describe("monthsWithData", () => {
  it("lists the months that have a result, latest first, without repeats", () => {
    const months = monthsWithData([
      indicator("A", [observation("2012-11-30", 5), observation("2012-12-31", 6), observation("2013-01-31", null)]),
      indicator("B", [observation("2012-12-31", 1), observation("2012-09-30", 2)]),
    ]);
    assert.deepEqual(months, ["2012-12", "2012-11", "2012-09"]);
  });

  it("leaves out months whose only values are missing (missing is not zero)", () => {
    assert.deepEqual(monthsWithData([indicator("A", [observation("2013-02-28", null)])]), []);
  });
});

describe("isSheetIncluded and withSheetIncluded", () => {
  const readings = [sheet("Monthly"), sheet("Quarterly"), sheet("Notes", { layout: "none", kpis: 0 })];

  it("includes by default every sheet where indicators were found", () => {
    const settings = defaultSettings();
    assert.deepEqual(
      readings.map((r) => isSheetIncluded(settings, r)),
      [true, true, false],
    );
  });

  it("stores the chosen sheets when one is cleared", () => {
    const settings = defaultSettings();
    assert.deepEqual(withSheetIncluded(settings, readings, "Quarterly", false), ["Monthly"]);
  });

  it("goes back to the default (null) when the choice again equals the sheets with indicators", () => {
    const settings = { ...defaultSettings(), sheets: ["Monthly"] };
    assert.equal(withSheetIncluded(settings, readings, "Quarterly", true), null);
  });

  it("keeps a sheet without a detected table when the user ticks it", () => {
    const settings = defaultSettings();
    assert.deepEqual(withSheetIncluded(settings, readings, "Notes", true), ["Monthly", "Quarterly", "Notes"]);
  });
});

describe("editableMapping and withSheetMapping", () => {
  const reading = sheet("Monthly", {
    layout: "long",
    headerRow: 4,
    columns: [
      { column: "A", header: "Ref", role: "ref" },
      { column: "B", header: "Indicator", role: "name" },
      { column: "C", header: "Apr-12", role: "period" },
    ],
  });

  it("starts from what detection found, leaving period columns to be read as periods", () => {
    assert.deepEqual(editableMapping(defaultSettings(), reading), {
      headerRow: 4,
      layout: "long",
      columns: { A: "ref", B: "name" },
    });
  });

  it("starts from the hand-made mapping when there is one", () => {
    const mapping = { headerRow: 2, layout: "wide" as const, columns: { C: "name" as const } };
    const settings = withSheetMapping(defaultSettings(), "Monthly", mapping);
    assert.deepEqual(editableMapping(settings, reading), mapping);
  });

  it("removes a sheet's mapping when given null, leaving the others", () => {
    const mapping = { headerRow: 2, layout: "wide" as const, columns: { C: "name" as const } };
    let settings = withSheetMapping(defaultSettings(), "Monthly", mapping);
    settings = withSheetMapping(settings, "Other", mapping);
    settings = withSheetMapping(settings, "Monthly", null);
    assert.deepEqual(Object.keys(settings.mapping.sheets), ["Other"]);
  });
});

describe("ragSummary with the statuses councils add", () => {
  it("mentions exceeded and monitor-only indicators only when there are some", () => {
    const counts = { total: 6, GREEN: 2, AMBER: 1, RED: 0, NO_DATA: 0, NO_TARGET: 0, MONITOR: 2, EXCEEDED: 1, activity: 0 };
    assert.equal(ragSummary(counts), "6 indicators: 1 exceeded, 2 green, 1 amber, 0 red, 0 no data, 2 monitor only");
    assert.equal(ragSummary({ ...counts, MONITOR: 0, EXCEEDED: 0, total: 3 }), "3 indicators: 2 green, 1 amber, 0 red, 0 no data");
  });
});
