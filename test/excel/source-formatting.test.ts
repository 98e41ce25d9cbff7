import { strict as assert } from "node:assert";
import { detectWorkbook } from "../../src/core/detection";
import { defaultSettings } from "../../src/core/settings";
import { isAddinRule, planSourceFormatting, ragFormulas } from "../../src/excel/source-formatting";
import { kpiSheet } from "./sample-sheets";

const rules = defaultSettings().rules;

describe("source formatting plan", () => {
  it("makes one block per table over its period columns and KPI rows, referencing target, floor and polarity cells", () => {
    const sheet = kpiSheet(5);
    const grid = { sheet: sheet.name, origin: "A1", values: sheet.values, numberFormat: sheet.values.map((r) => r.map(() => "General")) };
    const reading = detectWorkbook([grid], { yearStartMonth: 4 });
    const blocks = planSourceFormatting(reading, rules);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]?.range, "G4:L8");
    const green = blocks[0]?.rules[0]?.formula ?? "";
    assert.match(green, /G4>=\$E4/);
    assert.match(green, /G4<=\$E4/);
    assert.match(green, /SEARCH\("low",\$D4\)/);
    assert.ok(blocks[0]?.rules.every((r) => isAddinRule(r.formula)));
  });

  it("leaves the rows of a monitor-only KPI uncoloured, as the dashboard does, splitting the block around them", () => {
    const sheet = kpiSheet(5);
    const grid = { sheet: sheet.name, origin: "A1", values: sheet.values, numberFormat: sheet.values.map((r) => r.map(() => "General")) };
    const reading = detectWorkbook([grid], { yearStartMonth: 4 });
    // KPI 3 (row 6) has a numeric target on the sheet, but the team publishes it for information only.
    const blocks = planSourceFormatting(reading, { ...rules, monitorOnly: ["KPI 3"] });
    assert.deepEqual(
      blocks.map((b) => b.range),
      ["G4:L5", "G7:L8"],
    );
    assert.equal(blocks[1]?.rules[0]?.formula.includes("G7>=$E7"), true, "each part's formulas are relative to its own first row");
  });

  it("rates a fixed lower-is-better block against target and floor the right way round", () => {
    const [green, amber, red] = ragFormulas({ actual: "D5", target: "$E5", floor: "$F5", polarity: "lower" }, rules);
    assert.equal(green?.formula, '=AND(ISNUMBER(D5),ISNUMBER($E5),D5<=$E5,N("kpi-dashboard")=0)');
    assert.equal(amber?.formula, '=AND(ISNUMBER(D5),ISNUMBER($E5),NOT(D5<=$E5),ISNUMBER($F5),D5<=$F5,N("kpi-dashboard")=0)');
    assert.equal(red?.formula, '=AND(ISNUMBER(D5),ISNUMBER($E5),NOT(D5<=$E5),OR(NOT(ISNUMBER($F5)),NOT(D5<=$F5)),N("kpi-dashboard")=0)');
  });

  it("goes straight from green to red without a floor or tolerance", () => {
    const [, amber, red] = ragFormulas({ actual: "D5", target: "$E5", floor: null, polarity: "higher" }, rules);
    assert.match(amber?.formula ?? "", /,FALSE,/);
    assert.match(red?.formula ?? "", /OR\(NOT\(FALSE\)/);
  });

  it("recognises only formulas carrying the marker as the add-in's", () => {
    assert.equal(isAddinRule('=AND(A1>1,N("kpi-dashboard")=0)'), true);
    assert.equal(isAddinRule("=A1>1"), false);
    assert.equal(isAddinRule(null), false);
  });
});
