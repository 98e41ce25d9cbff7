import assert from "node:assert/strict";
import fc from "fast-check";
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

describe("wrappedLines against the splitting it replaced", () => {
  /** The estimate as it was written first, with split, filter and a regular expression per long word: the oracle. */
  function splittingLines(text: string, width: number): number {
    const perLine = Math.max(1, Math.floor((width * 7 - 2) / 6.0));
    let lines = 0;
    for (const paragraph of text.split(/\r?\n/)) {
      lines += 1;
      let current = 0;
      const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
      const pieces = words.flatMap((w) => (w.length <= perLine ? [w] : (w.match(new RegExp(`.{1,${perLine}}`, "g")) ?? [w])));
      for (const piece of pieces) {
        const needed = current === 0 ? piece.length : current + 1 + piece.length;
        if (needed <= perLine) current = needed;
        else {
          lines += 1;
          current = piece.length;
        }
      }
    }
    return lines;
  }

  it("gives the same number of lines for any text and width", () => {
    const chars = fc.constantFrom("a", "b", "longword", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "é", "-", "Q3 2012/13", "supercalifragilistic");
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 40 }).map((parts) => parts.join("")),
        fc.integer({ min: 1, max: 60 }),
        (text, width) => {
          assert.equal(wrappedLines(text, width), splittingLines(text, width), JSON.stringify(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
