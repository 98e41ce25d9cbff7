import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { formatDifference, formatPercent, formatTolerance, formatValue } from "../../../src/core/rules/format-value";

describe("formatValue", () => {
  const table: [number, Parameters<typeof formatValue>[1], string][] = [
    [0.721, "percentage", "72.1%"],
    [0.7, "percentage", "70.0%"],
    [1, "percentage", "100.0%"],
    [1234, "count", "1,234"],
    [1234567, "count", "1,234,567"],
    [12.5, "count", "12.5"],
    [-35, "count", "-35"],
    [2500000, "money", "£2,500,000"],
    [12.5, "money", "£12.50"],
    [1234.5, "money", "£1,234.50"],
    [3.25, "number", "3.25"],
    [-0.0001, "number", "0"],
  ];
  for (const [value, unit, text] of table) {
    it(`writes ${value} as a ${unit} as "${text}"`, () => assert.equal(formatValue(value, unit), text));
  }
});

describe("formatDifference", () => {
  it("writes a percentage difference in percentage points, without sign", () => {
    assert.equal(formatDifference(-0.12, "percentage"), "12.0 percentage points");
  });
  it("writes a count difference as a plain number", () => {
    assert.equal(formatDifference(35, "count"), "35");
  });
});

describe("formatPercent and formatTolerance", () => {
  it("drops trailing zeros", () => {
    assert.equal(formatPercent(0.05), "5%");
    assert.equal(formatPercent(0.025), "2.5%");
  });
  it("writes a percent tolerance of the target and an absolute one in the unit", () => {
    assert.equal(formatTolerance({ kind: "percent", value: 0.1 }, "count"), "10% of the target");
    assert.equal(formatTolerance({ kind: "absolute", value: 0.02 }, "percentage"), "2.0 percentage points");
  });
});
