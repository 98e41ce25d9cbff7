import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import type { Rag } from "../../../src/core/dashboard";
import type { Polarity, Tolerance, Unit } from "../../../src/core/indicator";
import { rateResult } from "../../../src/core/rules/rag";
import type { RuleSettings } from "../../../src/core/settings";
import { rules } from "./indicator-builder";

interface Row {
  readonly why: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly floor: number | null;
  readonly polarity: Polarity;
  readonly expect: Rag;
  readonly unit?: Unit;
  readonly tolerance?: Tolerance | null;
}

describe("rateResult", () => {
  describe("with the default boundaries (at target GREEN, at floor AMBER)", () => {
    // Target 80%, floor 70% (higher is better); target 120, floor 150 (lower is better).
    const table: Row[] = [
      { why: "above target", actual: 0.85, target: 0.8, floor: 0.7, polarity: "higher", expect: "GREEN" },
      { why: "equal to target", actual: 0.8, target: 0.8, floor: 0.7, polarity: "higher", expect: "GREEN" },
      { why: "between floor and target", actual: 0.75, target: 0.8, floor: 0.7, polarity: "higher", expect: "AMBER" },
      { why: "equal to floor", actual: 0.7, target: 0.8, floor: 0.7, polarity: "higher", expect: "AMBER" },
      { why: "below floor", actual: 0.58, target: 0.8, floor: 0.7, polarity: "higher", expect: "RED" },
      { why: "lower is better, under target", actual: 100, target: 120, floor: 150, polarity: "lower", expect: "GREEN", unit: "count" },
      { why: "lower is better, equal to target", actual: 120, target: 120, floor: 150, polarity: "lower", expect: "GREEN", unit: "count" },
      { why: "lower is better, between", actual: 130, target: 120, floor: 150, polarity: "lower", expect: "AMBER", unit: "count" },
      { why: "lower is better, equal to floor", actual: 150, target: 120, floor: 150, polarity: "lower", expect: "AMBER", unit: "count" },
      { why: "lower is better, above floor", actual: 155, target: 120, floor: 150, polarity: "lower", expect: "RED", unit: "count" },
      { why: "no floor, missed target, no tolerance", actual: 0.79, target: 0.8, floor: null, polarity: "higher", expect: "RED" },
      { why: "no floor, met target", actual: 0.8, target: 0.8, floor: null, polarity: "higher", expect: "GREEN" },
      { why: "missing result", actual: null, target: 0.8, floor: 0.7, polarity: "higher", expect: "NO_DATA" },
      { why: "missing result and target", actual: null, target: null, floor: null, polarity: "higher", expect: "NO_DATA" },
      { why: "missing target", actual: 0.9, target: null, floor: 0.7, polarity: "higher", expect: "NO_TARGET" },
      { why: "a zero result is a result", actual: 0, target: 10, floor: 5, polarity: "higher", expect: "RED", unit: "count" },
      { why: "percentage noise equal to target", actual: 0.70000000001, target: 0.7, floor: 0.6, polarity: "higher", expect: "GREEN" },
      { why: "percentage noise just under target", actual: 0.69999999999, target: 0.7, floor: 0.6, polarity: "higher", expect: "GREEN" },
      { why: "division noise on floor", actual: 0.1 + 0.2, target: 0.4, floor: 0.3, polarity: "higher", expect: "AMBER" },
    ];
    for (const row of table) {
      it(`rates ${row.why} (${row.actual} against ${row.target}/${row.floor}, ${row.polarity}) as ${row.expect}`, () => {
        const { rag } = rateResult(
          {
            actual: row.actual,
            target: row.target,
            floor: row.floor,
            polarity: row.polarity,
            unit: row.unit ?? "percentage",
            tolerance: row.tolerance ?? null,
          },
          rules(),
        );
        assert.equal(rag, row.expect);
      });
    }
  });

  describe("with changed boundaries (at target AMBER, at floor RED)", () => {
    const changed = rules({ atTarget: "AMBER", atFloor: "RED" });
    const table: [number, Polarity, number, number, Rag, Rag][] = [
      // actual, polarity, target, floor, default rag, changed rag
      [0.85, "higher", 0.8, 0.7, "GREEN", "GREEN"],
      [0.8, "higher", 0.8, 0.7, "GREEN", "AMBER"],
      [0.75, "higher", 0.8, 0.7, "AMBER", "AMBER"],
      [0.7, "higher", 0.8, 0.7, "AMBER", "RED"],
      [0.65, "higher", 0.8, 0.7, "RED", "RED"],
      [120, "lower", 120, 150, "GREEN", "AMBER"],
      [150, "lower", 120, 150, "AMBER", "RED"],
      [149, "lower", 120, 150, "AMBER", "AMBER"],
      [121, "lower", 120, 150, "AMBER", "AMBER"],
    ];
    for (const [actual, polarity, target, floor, before, after] of table) {
      it(`flips ${actual} (${polarity}, target ${target}, floor ${floor}) from ${before} to ${after} only on a boundary`, () => {
        const input = { actual, target, floor, polarity, unit: "count" as const };
        assert.equal(rateResult(input, rules()).rag, before);
        assert.equal(rateResult(input, changed).rag, after);
      });
    }
  });

  describe("with tolerance bands and no floor", () => {
    it("rates within a 5% amber tolerance of the target as AMBER and beyond it as RED", () => {
      const r = rules({ amberTolerance: { kind: "percent", value: 0.05 } });
      // Target 200: the amber band runs down to 190.
      assert.equal(rateResult({ actual: 195, target: 200, floor: null, polarity: "higher", unit: "count" }, r).rag, "AMBER");
      assert.equal(rateResult({ actual: 190, target: 200, floor: null, polarity: "higher", unit: "count" }, r).rag, "AMBER");
      assert.equal(rateResult({ actual: 189, target: 200, floor: null, polarity: "higher", unit: "count" }, r).rag, "RED");
      // Lower is better: up to 210.
      assert.equal(rateResult({ actual: 210, target: 200, floor: null, polarity: "lower", unit: "count" }, r).rag, "AMBER");
      assert.equal(rateResult({ actual: 211, target: 200, floor: null, polarity: "lower", unit: "count" }, r).rag, "RED");
    });

    it("rates an absolute tolerance of 2 percentage points on a percentage", () => {
      const r = rules({ amberTolerance: { kind: "absolute", value: 0.02 } });
      assert.equal(rateResult({ actual: 0.78, target: 0.8, floor: null, polarity: "higher", unit: "percentage" }, r).rag, "AMBER");
      assert.equal(rateResult({ actual: 0.779, target: 0.8, floor: null, polarity: "higher", unit: "percentage" }, r).rag, "RED");
    });

    it("rates exactly on the amber tolerance edge as RED when atFloor is RED", () => {
      const r = rules({ amberTolerance: { kind: "absolute", value: 10 }, atFloor: "RED" });
      assert.equal(rateResult({ actual: 190, target: 200, floor: null, polarity: "higher", unit: "count" }, r).rag, "RED");
      assert.equal(rateResult({ actual: 191, target: 200, floor: null, polarity: "higher", unit: "count" }, r).rag, "AMBER");
    });

    it("uses the indicator's own tolerance instead of the workbook's", () => {
      const r = rules({ amberTolerance: { kind: "percent", value: 0.05 } });
      const input = { actual: 180, target: 200, floor: null, polarity: "higher" as const, unit: "count" as const };
      assert.equal(rateResult(input, r).rag, "RED");
      assert.equal(rateResult({ ...input, tolerance: { kind: "percent", value: 0.1 } }, r).rag, "AMBER");
      assert.equal(rateResult({ ...input, tolerance: { kind: "absolute", value: 19 } }, r).rag, "RED");
    });

    it("uses the floor, not the tolerance, when there is a floor", () => {
      const r = rules({ amberTolerance: { kind: "percent", value: 0.05 } });
      assert.equal(rateResult({ actual: 150, target: 200, floor: 140, polarity: "higher", unit: "count" }, r).rag, "AMBER");
    });
  });

  describe("with a green tolerance", () => {
    // Green within 5% of target 100 (down to 95), amber within 10% (down to 90), red beyond.
    const r = rules({ greenTolerance: { kind: "percent", value: 0.05 }, amberTolerance: { kind: "percent", value: 0.1 } });
    const table: [number, Rag][] = [
      [101, "GREEN"],
      [96, "GREEN"],
      [95, "GREEN"],
      [94.9, "AMBER"],
      [90, "AMBER"],
      [89.9, "RED"],
    ];
    for (const [actual, expect] of table) {
      it(`rates ${actual} against target 100 as ${expect}`, () => {
        assert.equal(rateResult({ actual, target: 100, floor: null, polarity: "higher", unit: "count" }, r).rag, expect);
      });
    }

    it("never rates a result below the floor GREEN, whatever the green tolerance", () => {
      assert.equal(rateResult({ actual: 97, target: 100, floor: 98, polarity: "higher", unit: "count" }, r).rag, "RED");
    });

    it("gives atTarget to a result exactly on the edge of the green band", () => {
      assert.equal(rateResult({ actual: 95, target: 100, floor: null, polarity: "higher", unit: "count" }, { ...r, atTarget: "AMBER" }).rag, "AMBER");
    });
  });

  describe("with close-to-target polarity", () => {
    // Target 50, green band 5% (47.5 to 52.5), floor 45 (amber within 5 either side).
    const table: [number, number | null, Rag][] = [
      [50, 45, "GREEN"],
      [52.5, 45, "GREEN"],
      [47.5, 45, "GREEN"],
      [53, 45, "AMBER"],
      [46, 45, "AMBER"],
      [55, 45, "AMBER"],
      [45, 45, "AMBER"],
      [55.1, 45, "RED"],
      [44, 45, "RED"],
      [53, null, "RED"],
    ];
    for (const [actual, floor, expect] of table) {
      it(`rates ${actual} against target 50 and floor ${floor} as ${expect}`, () => {
        assert.equal(rateResult({ actual, target: 50, floor, polarity: "target", unit: "number" }, rules()).rag, expect);
      });
    }
  });

  describe("reasons", () => {
    it("says percentage points for percentages", () => {
      const { reason } = rateResult({ actual: 0.58, target: 0.8, floor: 0.7, polarity: "higher", unit: "percentage" }, rules());
      assert.equal(reason, "12.0 percentage points below the floor standard of 70.0%");
    });

    it("says how far a count is above a lower-is-better target", () => {
      const { reason } = rateResult({ actual: 155, target: 120, floor: null, polarity: "lower", unit: "count" }, rules());
      assert.equal(reason, "35 above the target of 120, with no floor standard or amber tolerance");
    });

    it("names the floor met for an amber", () => {
      const { reason } = rateResult({ actual: 1300, target: 1200, floor: 1500, polarity: "lower", unit: "count" }, rules());
      assert.equal(reason, "100 above the target of 1,200; meets the floor standard of 1,500");
    });

    it("says a result equal to the target is rated Amber when that is the setting", () => {
      const { reason } = rateResult({ actual: 0.8, target: 0.8, floor: 0.7, polarity: "higher", unit: "percentage" }, rules({ atTarget: "AMBER" }));
      assert.equal(reason, "Equal to the target of 80.0% (a result equal to the target is rated Amber)");
    });

    it("says there is no target", () => {
      const { reason } = rateResult({ actual: 2500000, target: null, floor: null, polarity: "higher", unit: "money" }, rules());
      assert.equal(reason, "A result of £2,500,000 but no target to rate it against");
    });

    it("names the amber tolerance", () => {
      const { reason } = rateResult(
        { actual: 195, target: 200, floor: null, polarity: "higher", unit: "count" },
        rules({ amberTolerance: { kind: "percent", value: 0.05 } }),
      );
      assert.equal(reason, "5 below the target of 200, within the amber tolerance of 5% of the target");
    });
  });
});

describe("rateResult with the statuses and bands councils add", () => {
  const exceeded = rules({ exceeded: { kind: "percent", value: 0.1 } } as Partial<RuleSettings>);

  it("rates a result beyond the target by more than the exceeded margin EXCEEDED, and says so", () => {
    const rating = rateResult({ actual: 0.8, target: 0.7, floor: 0.6, polarity: "higher", unit: "percentage" }, exceeded);
    assert.equal(rating.rag, "EXCEEDED");
    assert.equal(rating.reason, "10.0 percentage points above the target of 70.0%, beyond it by more than the exceeded margin of 10% of the target");
  });

  it("rates a result exactly on the exceeded margin GREEN", () => {
    assert.equal(rateResult({ actual: 0.77, target: 0.7, floor: 0.6, polarity: "higher", unit: "percentage" }, exceeded).rag, "GREEN");
  });

  it("rates a lower-is-better result far under its target EXCEEDED", () => {
    const margin = rules({ exceeded: { kind: "absolute", value: 15 } } as Partial<RuleSettings>);
    assert.equal(rateResult({ actual: 80, target: 100, floor: 120, polarity: "lower", unit: "count" }, margin).rag, "EXCEEDED");
  });

  it("never rates a close-to-target indicator EXCEEDED, and gives no EXCEEDED unless the setting is on", () => {
    assert.equal(rateResult({ actual: 0.7, target: 0.7, floor: null, polarity: "target", unit: "percentage" }, exceeded).rag, "GREEN");
    assert.equal(rateResult({ actual: 0.95, target: 0.7, floor: 0.6, polarity: "higher", unit: "percentage" }, rules()).rag, "GREEN");
  });

  it("uses an indicator's own green tolerance from the sheet, as it does its own amber tolerance", () => {
    const input = { actual: 0.77, target: 0.8, floor: 0.7, polarity: "higher" as const, unit: "percentage" as const };
    assert.equal(rateResult(input, rules()).rag, "AMBER");
    const own = rateResult({ ...input, greenTolerance: { kind: "percent", value: 0.05 } } as Parameters<typeof rateResult>[0], rules());
    assert.equal(own.rag, "GREEN");
    assert.equal(own.reason, "3.0 percentage points below the target of 80.0%, within the green tolerance of 5% of the target");
  });

  it("falls back to the absolute band set for a target of 0 when the band is a percentage of the target", () => {
    // A gender pay gap of 1 point against a target of 0: a 5% band of 0 is no band at all.
    const input = { actual: 0.01, target: 0, floor: null, polarity: "target" as const, unit: "percentage" as const };
    assert.equal(rateResult(input, rules()).rag, "RED");
    const withBand = rateResult(input, rules({ zeroTargetBand: { kind: "absolute", value: 0.02 } } as Partial<RuleSettings>));
    assert.equal(withBand.rag, "GREEN");
  });
});
