import assert from "node:assert/strict";
import { addSummaryBlock } from "../../../src/core/layout/summary-block";
import { newBuilder, rowOf } from "./plan-helpers";
import { sampleDashboard } from "./sample-dashboard";

describe("summary block", () => {
  const b = newBuilder();
  addSummaryBlock(b, sampleDashboard());
  const values = b.values();

  it("puts GREEN, AMBER, RED, no data, no target, activity and total in a header row", () => {
    const header = rowOf(values, "Service area", 1);
    assert.deepEqual(values[header - 1]?.slice(2, 9), ["GREEN", "AMBER", "RED", "No data", "No target", "Activity", "Total"]);
  });

  it("counts each service area and the total (checked by hand against the sample)", () => {
    // Libraries, Archives and Registration: LAR04 GREEN, @Home GREEN, two activity indicators.
    const lib = values[rowOf(values, "Libraries, Archives and Registration", 1) - 1];
    assert.deepEqual(lib?.slice(2, 9), [2, 0, 0, 0, 0, 2, 4]);
    // Twelve shown (BT01 excluded): GREEN CR01 CS01 LAR04 @Home; AMBER DS02 CCS01; RED CLS01 IYS01; no data RS01; no target CSP01; 2 activity.
    const total = values[rowOf(values, "Total", 1) - 1];
    assert.deepEqual(total?.slice(2, 9), [4, 2, 2, 1, 1, 2, 12]);
  });

  it("leaves out a service area whose only indicator is excluded", () => {
    assert.throws(() => rowOf(values, "Business Transformation", 1));
  });

  it("prints zero counts as a dash so the counts that matter stand out", () => {
    const formats = b.numberFormats()[rowOf(values, "Total", 1) - 1];
    assert.match(formats?.[2] ?? "", /;"–"$/);
  });
});
