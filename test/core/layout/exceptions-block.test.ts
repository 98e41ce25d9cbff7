import assert from "node:assert/strict";
import { addExceptionsBlock } from "../../../src/core/layout/exceptions-block";
import { newBuilder, rowOf } from "./plan-helpers";
import { sampleDashboard } from "./sample-dashboard";

describe("exceptions block", () => {
  it("lists each exception with its kind in words and the reason in its own cell, running over empty cells", () => {
    const b = newBuilder();
    addExceptionsBlock(b, sampleDashboard().exceptions);
    const values = b.values();
    const row = rowOf(values, "LAR03");
    assert.deepEqual(values[row - 1]?.slice(0, 4), ["LAR03", "Ceremonies conducted", "Outside expected range", "1,310 is above the upper threshold of 1,200."]);
    assert.ok(values[row - 1]?.slice(4).every((v) => v === null));
    assert.deepEqual(
      b.tables.map((t) => t.range),
      [`A${row - 4}:D${row}`],
    );
    assert.equal(values.filter((r) => r[2] === "RED alert").length, 2);
  });

  it("says plainly when there are no exceptions", () => {
    const b = newBuilder();
    addExceptionsBlock(b, []);
    assert.ok(b.values().some((r) => typeof r[0] === "string" && r[0].startsWith("No indicator is RED")));
  });
});
