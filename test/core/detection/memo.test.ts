import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { memoiseText } from "../../../src/core/detection/memo";

describe("memoiseText", () => {
  it("works out each distinct text once and gives the same answer again", () => {
    const seen: string[] = [];
    const length = memoiseText((text: string) => {
      seen.push(text);
      return text.length;
    });
    assert.equal(length("abc"), 3);
    assert.equal(length("abc"), 3);
    assert.equal(length("de"), 2);
    assert.deepEqual(seen, ["abc", "de"]);
  });

  it("remembers an answer of null too", () => {
    let calls = 0;
    const nothing = memoiseText((): null => {
      calls++;
      return null;
    });
    assert.equal(nothing("x"), null);
    assert.equal(nothing("x"), null);
    assert.equal(calls, 1);
  });

  it("starts again when it holds its limit of texts, and still answers correctly", () => {
    let calls = 0;
    const upper = memoiseText((text: string) => {
      calls++;
      return text.toUpperCase();
    }, 2);
    assert.equal(upper("a"), "A");
    assert.equal(upper("b"), "B");
    assert.equal(upper("c"), "C");
    assert.equal(calls, 3);
    assert.equal(upper("c"), "C");
    assert.equal(calls, 3);
    assert.equal(upper("a"), "A");
    assert.equal(calls, 4);
  });
});
