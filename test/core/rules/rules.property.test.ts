import { strict as assert } from "node:assert";
import fc from "fast-check";
import { describe, it } from "mocha";
import { buildDashboard } from "../../../src/core/rules";
import type { Dot } from "../../../src/core/dashboard";
import { defaultSettings } from "../../../src/core/settings";
import { directionFromPrevious, directionFromTrend } from "../../../src/core/rules/direction";
import { alertOf, rateResult } from "../../../src/core/rules/rag";
import { indicator, month, obs, rules } from "./indicator-builder";

const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const deadBand = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true }));
const tolerance = fc.option(fc.record({ kind: fc.constantFrom("percent" as const, "absolute" as const), value: fc.double({ min: 0, max: 100, noNaN: true }) }));
const ruleSettings = fc.record({
  atTarget: fc.constantFrom("GREEN" as const, "AMBER" as const),
  atFloor: fc.constantFrom("AMBER" as const, "RED" as const),
  greenTolerance: tolerance,
  amberTolerance: tolerance,
});

const swap = (dot: Dot | null): Dot | null => (dot === "IMPROVED" ? "WORSENED" : dot === "WORSENED" ? "IMPROVED" : dot);

describe("rule properties", () => {
  it("swapping higher and lower polarity swaps IMPROVED and WORSENED and keeps SAME", () => {
    fc.assert(
      fc.property(figure, figure, deadBand, (current, previous, band) => {
        assert.equal(directionFromPrevious(current, previous, "lower", null, band), swap(directionFromPrevious(current, previous, "higher", null, band)));
      }),
    );
  });

  it("negating every value swaps IMPROVED and WORSENED; negating and swapping polarity together changes nothing", () => {
    fc.assert(
      fc.property(figure, figure, deadBand, fc.constantFrom("higher" as const, "lower" as const), (current, previous, band, polarity) => {
        const plain = directionFromPrevious(current, previous, polarity, null, band);
        assert.equal(directionFromPrevious(-current, -previous, polarity, null, band), swap(plain));
        const other = polarity === "higher" ? "lower" : "higher";
        assert.equal(directionFromPrevious(-current, -previous, other, null, band), plain);
      }),
    );
  });

  it("the trend method swaps IMPROVED and WORSENED with polarity and with negated values", () => {
    fc.assert(
      fc.property(fc.array(fc.option(figure, { freq: 5 }), { minLength: 3, maxLength: 12 }), deadBand, (values, band) => {
        const points = values.map((actual) => ({ actual, target: null }));
        const negated = values.map((actual) => ({ actual: actual === null ? null : -actual, target: null }));
        const higher = directionFromTrend(points, "higher", null, band);
        assert.equal(directionFromTrend(points, "lower", null, band), swap(higher));
        assert.equal(directionFromTrend(negated, "higher", null, band), swap(higher));
      }),
    );
  });

  it("never rates GREEN a result that misses its floor standard", () => {
    fc.assert(
      fc.property(
        figure,
        figure,
        fc.double({ min: 1e-6, max: 1e5, noNaN: true }),
        fc.constantFrom("higher" as const, "lower" as const),
        ruleSettings,
        (target, floorGap, miss, polarity, changes) => {
          // The floor sits on the correct side of the target, and the result misses it by `miss`.
          const floor = polarity === "higher" ? target - Math.abs(floorGap) : target + Math.abs(floorGap);
          const actual = polarity === "higher" ? floor - miss * Math.max(1, Math.abs(floor)) : floor + miss * Math.max(1, Math.abs(floor));
          const { rag } = rateResult({ actual, target, floor, polarity, unit: "number" }, rules(changes));
          assert.notEqual(rag, "GREEN");
          assert.equal(rag, "RED");
        },
      ),
    );
  });

  it("rates NO_DATA exactly when a KPI with a target, not excluded and not stale, has no result", () => {
    fc.assert(
      fc.property(
        fc.option(figure, { freq: 2 }),
        figure,
        fc.option(figure),
        fc.constantFrom("higher" as const, "lower" as const, "target" as const),
        (actual, target, floor, polarity) => {
          const kpi = indicator({ polarity, unit: "number", series: [obs(month("2013-01"), { actual, target, floor })] });
          const dashboard = buildDashboard([kpi], { settings: defaultSettings(), cutoff: "2013-01", produced: "2013-02-10", diagnostics: [] });
          const row = dashboard.indicators[0];
          assert.equal(row?.stale, false);
          assert.equal(row?.rag === "NO_DATA", actual === null);
        },
      ),
    );
  });

  it("gives the same alert with or without the sentence explaining it", () => {
    // Quarter steps make results land exactly on targets, floors and tolerance edges.
    const value = fc.option(
      fc.oneof(
        figure,
        fc.integer({ min: -8, max: 8 }).map((n) => n / 4),
      ),
      { freq: 8 },
    );
    fc.assert(
      fc.property(
        value,
        value,
        value,
        fc.constantFrom("higher" as const, "lower" as const, "target" as const),
        tolerance,
        ruleSettings,
        (actual, target, floor, polarity, own, changes) => {
          const input = { actual, target, floor, polarity, unit: "number" as const, tolerance: own };
          const settings = rules(changes);
          assert.equal(alertOf(input, settings), rateResult(input, settings).rag);
        },
      ),
    );
  });
});
