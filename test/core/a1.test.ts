import assert from "node:assert/strict";
import { a1, columnIndex, columnLetters, parseAddress, rangeBounds, withAbsoluteRows } from "../../src/core/a1";

describe("a1", () => {
  it("turns column indexes into letters and back, past Z and ZZ", () => {
    for (const [index, letters] of [
      [0, "A"],
      [25, "Z"],
      [26, "AA"],
      [27, "AB"],
      [701, "ZZ"],
      [702, "AAA"],
      [16_383, "XFD"],
    ] as const) {
      assert.equal(columnLetters(index), letters);
      assert.equal(columnIndex(letters), index);
    }
  });

  it("reads column letters in either case", () => {
    assert.equal(columnIndex("ab"), 27);
  });

  it("reads an address with or without dollars, and refuses text that is not one", () => {
    assert.deepEqual(parseAddress("C7"), { row: 6, col: 2 });
    assert.deepEqual(parseAddress("$C$7"), { row: 6, col: 2 });
    assert.equal(parseAddress("C"), null);
    assert.equal(parseAddress("7"), null);
    assert.equal(parseAddress("Sheet1!C7"), null);
  });

  it("writes the address of a 0-based position", () => {
    assert.equal(a1(0, 0), "A1");
    assert.equal(a1(79, 13), "N80");
  });

  it("gives a range's bounds whichever corner comes first, and a single cell as a range of one", () => {
    assert.deepEqual(rangeBounds("B3:D5"), { top: 2, bottom: 4, left: 1, right: 3 });
    assert.deepEqual(rangeBounds("D5:B3"), { top: 2, bottom: 4, left: 1, right: 3 });
    assert.deepEqual(rangeBounds("B3"), { top: 2, bottom: 2, left: 1, right: 1 });
    assert.equal(rangeBounds("B3:"), null);
  });

  it("makes a range's rows absolute and leaves its columns without a dollar", () => {
    assert.equal(withAbsoluteRows("A1:N80"), "A$1:N$80");
    assert.equal(withAbsoluteRows("$A$1:$N$80"), "A$1:N$80");
  });
});
