import assert from "node:assert/strict";
import { alertWord, dateInWords, dotWords, monthInWords, positionWords } from "../../../src/core/layout/words";

describe("words", () => {
  it("writes alerts as words, with NO DATA and NO TARGET spelt out", () => {
    assert.deepEqual(
      ["GREEN", "AMBER", "RED", "NO_DATA", "NO_TARGET", null].map((r) => alertWord(r as never)),
      ["GREEN", "AMBER", "RED", "NO DATA", "NO TARGET", ""],
    );
  });

  it("writes the direction of travel as a printable symbol and a word", () => {
    assert.equal(dotWords("IMPROVED"), "▲ Improved");
    assert.equal(dotWords("WORSENED"), "▼ Worsened");
    assert.equal(dotWords("SAME"), "► Same");
    assert.equal(dotWords(null), "");
  });

  it("says where an activity result sits against its range", () => {
    assert.equal(positionWords("ABOVE"), "Above range");
    assert.equal(positionWords("BELOW"), "Below range");
  });

  it("writes dates and months in words", () => {
    assert.equal(dateInWords("2013-03-05"), "5 March 2013");
    assert.equal(monthInWords("2013-01"), "January 2013");
    assert.equal(dateInWords("not a date"), "not a date");
  });
});

describe("words for the statuses councils add", () => {
  it("writes MONITOR and EXCEEDED as words that read in print", () => {
    assert.equal(alertWord("MONITOR" as never), "MONITOR");
    assert.equal(alertWord("EXCEEDED" as never), "EXCEEDED");
  });
});
