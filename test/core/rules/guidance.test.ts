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
      rules({
        atTarget: "AMBER",
        atFloor: "RED",
        amberTolerance: { kind: "percent", value: 0.05 },
        greenTolerance: { kind: "percent", value: 0.02 },
        dotMethod: "trend",
        trendPoints: 8,
        deadBand: 0.01,
        yearStartMonth: 9,
      }),
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

describe("guidanceNotes for the settings councils differ on", () => {
  it("says nothing of the new settings when they are left as they are", () => {
    const text = guidanceNotes(rules()).join("\n");
    assert.doesNotMatch(text, /EXCEEDED|MONITOR|same period last year|too early|better than the previous/i);
  });

  it("describes each new setting when it is turned on", () => {
    const text = guidanceNotes(
      rules({
        exceeded: { kind: "percent", value: 0.1 },
        trendAlerts: "lastYear",
        dotMethod: "lastYear",
        ytdMinMonths: 4,
        monitorOnly: ["CS05"],
        zeroTargetBand: { kind: "absolute", value: 0.02 },
      } as Parameters<typeof rules>[0]),
    ).join("\n");
    assert.match(text, /EXCEEDED: the target has been beaten by more than 10% of the target/);
    assert.match(text, /AMBER when it is better than the same period last year, RED when it is not/);
    assert.match(text, /Direction of travel compares the latest result with the same period a year before/);
    assert.match(text, /YTD alerts are given once the year has run 4 months; before that they show TOO EARLY/);
    assert.match(text, /MONITOR: the indicator is monitored without a target/);
    assert.match(text, /Where the target is 0/);
  });
});
