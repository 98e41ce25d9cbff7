import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { parseQuartile, parseRank } from "../../../src/core/detection/benchmark-text";

describe("benchmark text", () => {
  describe("parseRank", () => {
    it("reads a rank as a number, or with what it is out of", () => {
      assert.deepEqual(parseRank(4), { rank: 4, of: null });
      assert.deepEqual(parseRank("4 of 32"), { rank: 4, of: 32 });
      assert.deepEqual(parseRank("4/32"), { rank: 4, of: 32 });
      assert.deepEqual(parseRank("4th out of 32"), { rank: 4, of: 32 });
      assert.deepEqual(parseRank("=4"), { rank: 4, of: null });
    });
    it("reads nothing from a blank, a missing mark or words", () => {
      for (const v of ["", "n/a", "high", 0, -2, 3.5]) assert.equal(parseRank(v), null, String(v));
    });
  });

  describe("parseQuartile", () => {
    const cases: [string | number, number | null][] = [
      [1, 1],
      [4, 4],
      ["Q1", 1],
      ["1st", 1],
      ["Top quartile", 1],
      ["Upper", 1],
      ["Upper middle", 2],
      ["Second", 2],
      ["Lower middle", 3],
      ["Third quartile", 3],
      ["Bottom", 4],
      ["Lower quartile", 4],
      ["4th", 4],
      [5, null],
      ["x", null],
      ["", null],
    ];
    for (const [text, q] of cases) it(`reads "${text}" as ${q ?? "no quartile"}`, () => assert.equal(parseQuartile(text), q));
  });
});
