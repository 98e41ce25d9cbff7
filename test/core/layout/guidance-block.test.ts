import assert from "node:assert/strict";
import { addGuidanceBlock } from "../../../src/core/layout/guidance-block";
import { newBuilder, rowOf } from "./plan-helpers";
import { sampleDashboard } from "./sample-dashboard";

describe("guidance block", () => {
  it("writes each guidance note as a wrapped, merged row under a heading", () => {
    const b = newBuilder();
    const guidance = [...sampleDashboard().guidance, "Year to date figures add up the months of the financial year. ".repeat(6).trim()];
    addGuidanceBlock(b, guidance);
    const values = b.values();
    const heading = rowOf(values, "Guidance notes");
    guidance.forEach((text, i) => {
      const row = heading + 1 + i;
      assert.equal(values[row - 1]?.[0], `• ${text}`);
      assert.ok(b.merges.includes(`A${row}:N${row}`));
    });
    // The last note is about 370 characters: more than one line across the sheet; the second fits on one.
    assert.ok((b.heightOf(heading + guidance.length) ?? 0) > 15);
    assert.equal(b.heightOf(heading + 2), 15);
  });

  it("adds nothing when there is no guidance", () => {
    const b = newBuilder();
    addGuidanceBlock(b, []);
    assert.equal(b.rowCount, 0);
  });
});
