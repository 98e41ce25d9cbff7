import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import type { RuleSettings } from "../../../src/core/settings";

import { buildWith, indicator, month, obs } from "./indicator-builder";

const red = indicator({ id: "K!5", ref: "R1", name: "Red without commentary", series: [obs(month("2012-12"), { actual: 0.5, target: 0.8, floor: 0.7 })] });
const explained = indicator({
  id: "K!6",
  ref: "R2",
  name: "Red with commentary",
  series: [obs(month("2012-12"), { actual: 0.5, target: 0.8, floor: 0.7, commentary: "Staff sickness" })],
});
const slipping = indicator({
  id: "K!7",
  ref: "W1",
  name: "Green but worse",
  series: [obs(month("2012-11"), { actual: 0.95, target: 0.8, floor: 0.7 }), obs(month("2012-12"), { actual: 0.9, target: 0.8, floor: 0.7 })],
});
const fine = indicator({
  id: "K!8",
  ref: "G1",
  name: "Green and better",
  series: [obs(month("2012-11"), { actual: 0.85, target: 0.8 }), obs(month("2012-12"), { actual: 0.9, target: 0.8 })],
});

describe("commentary the committee expects", () => {
  it("lists every RED or worsened indicator that has no commentary, so the analyst can ask its owner", () => {
    const d = buildWith([red, explained, slipping, fine]);
    assert.deepEqual(
      d.missingCommentary.map((m) => [m.ref, m.why]),
      [
        ["R1", "RED"],
        ["W1", "worsened"],
      ],
    );
  });

  it("lists nothing when the setting is off", () => {
    assert.deepEqual(buildWith([red, slipping], { listMissingCommentary: false } as Partial<RuleSettings>).missingCommentary, []);
  });
});
