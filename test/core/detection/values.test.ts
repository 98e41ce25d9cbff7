import assert from "node:assert/strict";
import { describe, it } from "mocha";
import { inferUnit, parseUnit, readNumber, readNumberAt, unitFromFormat } from "../../../src/core/detection/values";
import type { CellValue } from "../../../src/core/grid";
import type { Unit } from "../../../src/core/indicator";

describe("values", () => {
  describe("readNumber", () => {
    // [cell value, number format, expected value, expected unit, expected note, is a problem]
    type Case = [CellValue, string, number | null, Unit | null, string | null, boolean];
    const cases: Case[] = [
      [42, "General", 42, null, null, false],
      [0.85, "0%", 0.85, "percentage", null, false],
      [1200, "£#,##0", 1200, "money", null, false],
      ["72.1%", "General", 0.721, "percentage", null, false],
      ["1,234", "General", 1234, null, null, false],
      ["£2.5m", "General", 2_500_000, "money", null, false],
      ["£1,200", "General", 1200, "money", null, false],
      ["£1.2k", "General", 1200, "money", null, false],
      [" 85 ", "General", 85, null, null, false],
      ["85\u00a0", "General", 85, null, null, false],
      ["(12)", "General", -12, null, null, false],
      ["-12", "General", -12, null, null, false],
      ["\u221212", "General", -12, null, null, false],
      ["72.1%*", "General", 0.721, "percentage", "footnote *", false],
      ["85†", "General", 85, null, "footnote †", false],
      ["85 (p)", "General", 85, null, "provisional", false],
      ["85p", "General", 85, null, "provisional", false],
      ["1,020 (r)", "General", 1020, null, "revised", false],
      ["n/a", "General", null, null, null, false],
      ["N/A", "General", null, null, null, false],
      ["-", "General", null, null, null, false],
      ["–", "General", null, null, null, false],
      ["*", "General", null, null, null, false],
      ["..", "General", null, null, null, false],
      ["TBC", "General", null, null, null, false],
      ["tbc", "General", null, null, null, false],
      ["", "General", null, null, null, false],
      ["   ", "General", null, null, null, false],
      ["nil", "General", 0, null, "nil", false],
      ["Nil", "General", 0, null, "nil", false],
      ["#N/A", "General", null, null, null, true],
      ["#DIV/0!", "General", null, null, null, true],
      ["#REF!", "General", null, null, null, true],
      ["about 40", "General", null, null, null, true],
      ["see note", "General", null, null, null, true],
      ["40-50", "General", null, null, null, true],
      [true, "General", null, null, null, true],
      [Number.NaN, "General", null, null, null, true],
    ];
    for (const [value, fmt, expected, unit, note, problem] of cases) {
      it(`reads ${JSON.stringify(value)} as ${expected === null ? "missing" : expected}${problem ? " with a warning" : ""}`, () => {
        const r = readNumber(value, fmt);
        if (expected === null) assert.equal(r.value, null);
        else assert.ok(r.value !== null && Math.abs(r.value - expected) < 1e-9, `got ${r.value}`);
        assert.equal(r.unit, unit);
        assert.equal(r.note, note);
        assert.equal(r.problem !== null, problem);
      });
    }
    it("never turns a missing marker into zero", () => {
      for (const marker of ["n/a", "-", "–", "*", "..", "TBC", ""]) assert.notEqual(readNumber(marker, "General").value, 0);
    });
  });

  describe("readNumberAt", () => {
    it("names the sheet, the cell and the text in its warning", () => {
      const { reading, diagnostic } = readNumberAt("about 40", "General", "KPIs", "H7");
      assert.equal(reading.value, null);
      assert.equal(diagnostic?.code, "text-not-a-number");
      assert.equal(diagnostic?.severity, "warning");
      assert.equal(diagnostic?.sheet, "KPIs");
      assert.equal(diagnostic?.cell, "H7");
      assert.match(diagnostic?.message ?? "", /H7.*"KPIs".*"about 40"/);
    });
    it("names the error value of an error cell", () => {
      const { diagnostic } = readNumberAt("#DIV/0!", "General", "KPIs", "K6");
      assert.equal(diagnostic?.code, "error-value");
      assert.match(diagnostic?.message ?? "", /#DIV\/0!/);
    });
    it("says which kind of problem a cell has: an error value, text, or something that is not a figure", () => {
      assert.equal(readNumberAt("#N/A", "General", "S", "A1").diagnostic?.code, "error-value");
      assert.equal(readNumberAt("see note", "General", "S", "A1").diagnostic?.code, "text-not-a-number");
      assert.equal(readNumberAt(true, "General", "S", "A1").diagnostic?.code, "not-a-figure");
      assert.equal(readNumberAt(Number.NaN, "General", "S", "A1").diagnostic?.code, "not-a-figure");
    });
    it("gives no diagnostic for a number or a missing marker", () => {
      assert.equal(readNumberAt(5, "General", "S", "A1").diagnostic, null);
      assert.equal(readNumberAt("n/a", "General", "S", "A1").diagnostic, null);
    });
  });

  describe("unitFromFormat", () => {
    const cases: [string, Unit | null][] = [
      ["0%", "percentage"],
      ["0.0%", "percentage"],
      ["£#,##0", "money"],
      ['"£"#,##0.00', "money"],
      ["[$£-809]#,##0", "money"],
      ["#,##0", null],
      ["General", null],
      ['0 "%age points"', null],
    ];
    for (const [fmt, unit] of cases) it(`reads ${fmt} as ${unit ?? "no unit"}`, () => assert.equal(unitFromFormat(fmt), unit));
  });

  describe("inferUnit", () => {
    it("says percentage when the results have a % format", () => {
      assert.equal(inferUnit({ formats: ["0%", "General"], cellUnits: [], values: [0.5, 0.6] }), "percentage");
    });
    it("says money when typed text had a pound sign", () => {
      assert.equal(inferUnit({ formats: ["General"], cellUnits: ["money"], values: [1200] }), "money");
    });
    it("says count when every result is a whole number", () => {
      assert.equal(inferUnit({ formats: ["#,##0"], cellUnits: [null], values: [980, 1010] }), "count");
    });
    it("says number when some result has a fraction and nothing shows a unit", () => {
      assert.equal(inferUnit({ formats: ["General"], cellUnits: [null], values: [2.5, 3] }), "number");
    });
    it("says percentage for fractions when the name has a % sign", () => {
      assert.equal(inferUnit({ formats: [], cellUnits: [], values: [0.7, 0.8], name: "% calls answered" }), "percentage");
    });
    it("does not call whole numbers a percentage because the name has a % sign", () => {
      assert.equal(inferUnit({ formats: [], cellUnits: [], values: [72, 80], name: "% calls answered" }), "count");
    });
  });

  describe("parseUnit", () => {
    const cases: [string, Unit | null][] = [
      ["%", "percentage"],
      ["Percentage", "percentage"],
      ["£", "money"],
      ["Count", "count"],
      ["Number", "number"],
      ["", null],
      ["widgets", null],
    ];
    for (const [text, unit] of cases) it(`reads "${text}" as ${unit ?? "no unit"}`, () => assert.equal(parseUnit(text), unit));
  });
});
