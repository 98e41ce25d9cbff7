import assert from "node:assert/strict";
import { groupIndicators } from "../../../src/core/layout/grouping";
import { sampleIndicators } from "./sample-dashboard";

describe("grouping", () => {
  it("groups KPIs then activity by frequency, in the order Monthly, Quarterly, Annual, Rolling 12-month", () => {
    const groups = groupIndicators(sampleIndicators, "frequency");
    assert.deepEqual(
      groups.map((g) => g.title),
      [
        "Monthly key performance indicators",
        "Quarterly key performance indicators",
        "Annual key performance indicators",
        "Rolling 12-month key performance indicators",
        "Monthly activity indicators",
        "Quarterly activity indicators",
      ],
    );
    assert.deepEqual(
      groups[0]?.indicators.map((i) => i.ref),
      ["CR01", "CSP01", "RS01", "-"],
    );
  });

  it("leaves excluded indicators out of every table", () => {
    const refs = groupIndicators(sampleIndicators, "frequency").flatMap((g) => g.indicators.map((i) => i.ref));
    assert.ok(!refs.includes("BT01"));
    assert.equal(refs.length, 12);
  });

  it("groups by service area in workbook order, each area's KPIs before its activity", () => {
    const titles = groupIndicators(sampleIndicators, "serviceArea").map((g) => g.title);
    assert.equal(titles[0], "Customer Relationship: key performance indicators");
    const lib = titles.indexOf("Libraries, Archives and Registration: key performance indicators");
    assert.equal(titles[lib + 1], "Libraries, Archives and Registration: activity indicators");
  });
});
