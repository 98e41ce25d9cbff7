import assert from "node:assert/strict";
import { groupIndicators } from "../../../src/core/layout/grouping";
import { addKpiTable, kpiRowCells } from "../../../src/core/layout/kpi-table";
import { alertColours } from "../../../src/core/layout/palette";
import { newBuilder, rowOf } from "./plan-helpers";
import { sampleIndicators } from "./sample-dashboard";

const byRef = (ref: string) => {
  const found = sampleIndicators.find((i) => i.ref === ref);
  if (!found) throw new Error(ref);
  return found;
};

describe("KPI table", () => {
  const quarterly = groupIndicators(sampleIndicators, "frequency")[1];
  if (!quarterly) throw new Error("no quarterly table");
  const b = newBuilder();
  addKpiTable(b, quarterly, "2013-01");
  const values = b.values();
  const header = rowOf(values, "Ref");
  const first = header + 1;
  const last = first + quarterly.indicators.length - 1;

  it("has the fourteen columns from Ref to Commentary", () => {
    assert.deepEqual(values[header - 1], [
      "Ref",
      "Indicator",
      "Period",
      "Result",
      "Target",
      "Floor",
      "Alert",
      "DoT",
      "Previous result",
      "Previous alert",
      "YTD result",
      "YTD target",
      "YTD alert",
      "Commentary",
    ]);
  });

  it("writes a lower-is-better RED row with its words, arrow, previous alert and YTD", () => {
    const row = values[rowOf(values, "IYS01") - 1];
    assert.deepEqual(row?.slice(0, 13), [
      "IYS01",
      "First time entrants to the youth justice system",
      "Q3 2012/13",
      121,
      90,
      110,
      "RED",
      "▼ Worsened",
      104,
      "AMBER",
      330,
      270,
      "RED",
    ]);
  });

  it("formats percentages as 0.0%, counts as #,##0, money as £#,##0, and keeps a source's own format", () => {
    assert.equal(kpiRowCells(byRef("DS02"))[3]?.format, "0.0%");
    assert.equal(kpiRowCells(byRef("IYS01"))[3]?.format, "#,##0");
    assert.equal(kpiRowCells(byRef("CSP01"))[3]?.format, "£#,##0");
    assert.equal(kpiRowCells(byRef("CLS01"))[3]?.format, "0%");
    assert.equal(kpiRowCells(byRef("IYS01"))[1]?.format, "@");
  });

  it("leaves a missing result empty (never zero) and says NO DATA", () => {
    const cells = kpiRowCells(byRef("RS01"));
    assert.equal(cells[3]?.value, null);
    assert.equal(cells[6]?.value, "NO DATA");
  });

  it("colours each alert column with one conditional format of three rules relative to its top-left cell", () => {
    assert.deepEqual(
      b.conditionalFormats.map((cf) => cf.range),
      [`G${first}:G${last}`, `J${first}:J${last}`, `M${first}:M${last}`],
    );
    const alert = b.conditionalFormats[0];
    assert.deepEqual(
      alert?.rules.map((r) => r.formula),
      [`G${first}="RED"`, `G${first}="AMBER"`, `G${first}="GREEN"`],
    );
    assert.equal(alert?.rules[0]?.fill, alertColours.RED.fill);
    assert.equal(alert?.rules[2]?.fontColor, alertColours.GREEN.text);
  });

  it("gives a row with long commentary a height for all its lines", () => {
    const row = rowOf(values, "IYS01");
    assert.ok((b.heightOf(row) ?? 0) >= 4 * 12.75, `height ${b.heightOf(row)}`);
    assert.ok(b.styles.some((s) => s.range === `N${first}:N${last}` && s.style.wrap === true));
  });

  it("puts a late result's period in italics", () => {
    const row = rowOf(values, "CCS01");
    assert.ok(b.styles.some((s) => s.range === `C${row}` && s.style.italic === true));
  });

  it("keeps the heading with the first rows of the table", () => {
    assert.deepEqual(b.keeps[0], { from: header - 2, to: first + 2 });
  });
});
