import assert from "node:assert/strict";
import { noteLineChars } from "../../../src/core/layout/note-rows";
import { addGuidanceBlock } from "../../../src/core/layout/guidance-block";
import { newBuilder, rowOf } from "./plan-helpers";
import { sampleDashboard } from "./sample-dashboard";

describe("guidance block", () => {
  it("writes each guidance note under a heading as lines that fit across the sheet, the bullet on the first", () => {
    const b = newBuilder();
    const guidance = [...sampleDashboard().guidance, "Year to date figures add up the months of the financial year. ".repeat(6).trim()];
    addGuidanceBlock(b, guidance);
    const values = b.values();
    const heading = rowOf(values, "Guidance notes");
    const lines = values
      .slice(heading)
      .map((r) => r[0])
      .filter((t): t is string => typeof t === "string");
    // Put back together, the lines are the notes, word for word.
    const joined = lines.join(" ").replace(/\s+/g, " ");
    assert.equal(joined, guidance.map((t) => `• ${t}`).join(" "));
    assert.equal(lines.filter((l) => l.startsWith("• ")).length, guidance.length);
    // The last note is about 370 characters: more than one line across the sheet; the second fits on one.
    assert.ok(lines.length > guidance.length);
    assert.ok(lines.every((l) => l.length <= noteLineChars));
  });

  it("adds nothing when there is no guidance", () => {
    const b = newBuilder();
    addGuidanceBlock(b, []);
    assert.equal(b.rowCount, 0);
  });
});
