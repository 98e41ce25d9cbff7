import assert from "node:assert/strict";
import { activityRowCells, addActivityTable } from "../../../src/core/layout/activity-table";
import { groupIndicators } from "../../../src/core/layout/grouping";
import { newBuilder, rowOf } from "./plan-helpers";
import { sampleIndicators } from "./sample-dashboard";

describe("activity table", () => {
  const monthly = groupIndicators(sampleIndicators, "frequency").find((g) => g.kind === "activity");
  if (!monthly) throw new Error("no activity table");
  const b = newBuilder();
  addActivityTable(b, monthly, "2013-01");
  const values = b.values();

  it("has the twelve columns from Ref to YTD expected", () => {
    assert.deepEqual(values[rowOf(values, "Ref") - 1]?.slice(0, 12), [
      "Ref",
      "Indicator",
      "Period",
      "Result",
      "Expected",
      "Lower",
      "Upper",
      "Position",
      "Variance",
      "Variance %",
      "YTD result",
      "YTD expected",
    ]);
  });

  it("writes result, forecast range, position and variance", () => {
    assert.deepEqual(values[rowOf(values, "LAR01") - 1]?.slice(0, 12), [
      "LAR01",
      "Physical visits to libraries",
      "Dec 2012",
      412345,
      400000,
      380000,
      420000,
      "Within range",
      12345,
      0.0308625,
      3650000,
      3600000,
    ]);
  });

  it("signs the variance and formats it in the indicator's unit", () => {
    const cells = activityRowCells(monthly.indicators[0]!);
    assert.equal(cells[8]?.format, "+#,##0;-#,##0;#,##0");
    assert.equal(cells[9]?.format, "+0.0%;-0.0%;0.0%");
  });

  it("has no alert colours", () => {
    assert.equal(b.conditionalFormats.length, 0);
  });
});
