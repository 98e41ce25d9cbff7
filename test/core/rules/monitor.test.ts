import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import type { RuleSettings } from "../../../src/core/settings";
import type { Indicator } from "../../../src/core/indicator";

import { buildWith, indicator, month, obs } from "./indicator-builder";

// A crime count a council publishes without a target on purpose ("Data only").
const asb = indicator({
  ref: "CS05",
  name: "Anti-social behaviour incidents",
  polarity: "lower",
  unit: "count",
  monitorOnly: true,
  series: [obs(month("2012-11"), { actual: 420 }), obs(month("2012-12"), { actual: 390, cells: { actual: "F9" } })],
} as Partial<Indicator>);

describe("monitor-only indicators", () => {
  it("rates an indicator marked monitor only as MONITOR, with its figures, direction of travel and trend but no warning", () => {
    const d = buildWith([asb]);
    const r = d.indicators[0];
    assert.equal(r?.rag, "MONITOR");
    assert.equal(r?.actual, 390);
    assert.equal(r?.dot, "IMPROVED");
    assert.equal(r?.trend.length, 2);
    assert.equal(r?.reason, "Monitor only: no target is set, so the result is shown for information without an alert");
    assert.equal(r?.previous?.rag, "MONITOR");
    assert.deepEqual(
      d.diagnostics.filter((x) => x.severity !== "info"),
      [],
    );
  });

  it("marks an indicator monitor only by its reference or name in the monitorOnly setting", () => {
    const plain = indicator({ ref: "CS05", name: "Anti-social behaviour incidents", unit: "count", series: [obs(month("2012-12"), { actual: 390 })] });
    assert.equal(buildWith([plain], { monitorOnly: ["cs05"] } as Partial<RuleSettings>).indicators[0]?.rag, "MONITOR");
    assert.equal(buildWith([plain], { monitorOnly: ["anti-social behaviour incidents"] } as Partial<RuleSettings>).indicators[0]?.rag, "MONITOR");
  });

  it("keeps NO_TARGET, with its warning, for an indicator that should have a target and has none", () => {
    const missing = indicator({ ref: "CR09", series: [obs(month("2012-12"), { actual: 0.5 })] });
    const d = buildWith([missing]);
    assert.equal(d.indicators[0]?.rag, "NO_TARGET");
    assert.equal(d.diagnostics.filter((x) => x.code === "no-target").length, 1);
  });

  it("ignores a target the sheet gives when the indicator is marked monitor only", () => {
    const withTarget = { ...asb, series: [obs(month("2012-12"), { actual: 390, target: 100 })] };
    assert.equal(buildWith([withTarget]).indicators[0]?.rag, "MONITOR");
  });

  it("counts monitor-only indicators apart in the summary, and never lists them as exceptions", () => {
    const worse = { ...asb, series: [obs(month("2012-11"), { actual: 300 }), obs(month("2012-12"), { actual: 390 })] };
    const green = indicator({ ref: "G1", series: [obs(month("2012-12"), { actual: 0.9, target: 0.8 })] });
    const d = buildWith([worse, green]);
    assert.equal(d.summary.total.MONITOR, 1);
    assert.equal(d.summary.total.GREEN, 1);
    assert.equal(d.summary.total.NO_TARGET, 0);
    assert.equal(d.summary.total.total, 2);
    assert.deepEqual(d.exceptions, []);
  });

  it("shows a monitor-only indicator with no result as NO_DATA, never red", () => {
    const empty = { ...asb, series: [obs(month("2012-12"), { actual: null })] };
    assert.equal(buildWith([empty]).indicators[0]?.rag, "NO_DATA");
  });
});
