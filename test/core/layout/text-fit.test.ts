import assert from "node:assert/strict";
import { heightForLines, wrappedLines } from "../../../src/core/layout/text-fit";

describe("text-fit", () => {
  it("fits a short name on one line", () => {
    assert.equal(wrappedLines("Total recorded crime", 34), 1);
  });

  it("wraps a long commentary onto several lines and breaks words longer than a line", () => {
    const text = "word ".repeat(40).trim(); // 199 characters
    const lines = wrappedLines(text, 34);
    assert.ok(lines >= 5 && lines <= 7, `got ${lines}`);
    assert.equal(wrappedLines("x".repeat(100), 10), Math.ceil(100 / Math.floor((10 * 7 - 2) / 6)));
  });

  it("counts each paragraph of a multi-line cell", () => {
    assert.equal(wrappedLines("one\ntwo\nthree", 34), 3);
  });

  it("never makes a row shorter than the default height", () => {
    assert.equal(heightForLines(1), 15);
    assert.equal(heightForLines(3), 38.25);
  });
});
