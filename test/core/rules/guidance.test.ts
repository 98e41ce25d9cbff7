import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { guidanceNotes } from "../../../src/core/rules/guidance";
import { rules } from "./indicator-builder";

describe("guidanceNotes", () => {
  it("describes the default boundaries and the straight green-to-red rule", () => {
    const text = guidanceNotes(rules()).join("\n");
    assert.match(text, /A result exactly equal to the target is GREEN/);
    assert.match(text, /A result exactly equal to the floor standard is AMBER/);
    assert.match(text, /straight from GREEN to RED/);
    assert.match(text, /compares the latest result with the previous result/);
    assert.match(text, /10% either side of the forecast/);
    assert.match(text, /from April \(the financial year\)/);
  });

  it("follows changed settings", () => {
    const text = guidanceNotes(
      rules({ atTarget: "AMBER", atFloor: "RED", amberTolerance: { kind: "percent", value: 0.05 }, greenTolerance: { kind: "percent", value: 0.02 }, dotMethod: "trend", trendPoints: 8, deadBand: 0.01, yearStartMonth: 9 }),
    ).join("\n");
    assert.match(text, /equal to the target is AMBER/);
    assert.match(text, /equal to the floor standard is RED/);
    assert.match(text, /AMBER when within 5% of the target/);
    assert.match(text, /GREEN: the target has been met, or the result is within 2% of the target\./);
    assert.match(text, /trend of the last 8 results/);
    assert.match(text, /1% of the average result counts as no change/);
    assert.match(text, /from September \(the academic year\)/);
  });
});
