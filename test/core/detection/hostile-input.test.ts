import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "mocha";
import { readWorkbookGrids } from "../../../src/cli/xlsx-reader";
import { detectWorkbook } from "../../../src/core/detection";
import { parsePolarity } from "../../../src/core/detection/field-text";
import type { CellValue, Grid } from "../../../src/core/grid";
import type { WorkbookReading } from "../../../src/core/reading";

/** What detection does with input that tries to mislead it, or is simply huge. */

const fixture = (name: string): string => path.join(__dirname, "..", "..", "fixtures", name);

function grid(sheet: string, values: CellValue[][], formats?: string[][]): Grid {
  return { sheet, origin: "A1", values, numberFormat: formats ?? values.map((row) => row.map(() => "General")) };
}

const header: CellValue[] = ["Ref", "Indicator", "Polarity", "Target", "Apr-12", "May-12"];

describe("detectWorkbook on hostile and huge input", () => {
  it("reads a sheet of 130,000 indicator rows whole, without a stack overflow", () => {
    const rows: CellValue[][] = [header];
    for (let i = 0; i < 130_000; i++) rows.push([`R${i}`, `Indicator ${i}`, "Higher", 10, 9 + (i % 3), 11]);
    const reading = detectWorkbook([grid("Big", rows)], { yearStartMonth: 4 });
    assert.deepEqual(
      reading.diagnostics.filter((d) => d.code === "sheet-unreadable"),
      [],
    );
    assert.equal(reading.indicators.length, 130_000);
    assert.equal(reading.sheets[0]?.kpis, 130_000);
  });

  describe("text that disguises itself", () => {
    let r: WorkbookReading;
    before(async () => {
      r = detectWorkbook(await readWorkbookGrids(fixture("disguised.xlsx")), { yearStartMonth: 4 });
    });

    it("removes zero-width and direction-changing characters from indicator names, with a warning naming each cell", () => {
      const names = r.indicators.filter((i) => i.sheet === "KPIs").map((i) => i.name);
      assert.ok(names.includes("Calls answered within 20 seconds"), names.join(" | "));
      assert.ok(names.includes("Complaints upheld"), names.join(" | "));
      for (const name of names) assert.doesNotMatch(name, /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/, JSON.stringify(name));
      const cells = r.diagnostics.filter((d) => d.code === "hidden-characters-removed").map((d) => d.cell);
      assert.ok(cells.includes("B2") && cells.includes("B3"), cells.join(", "));
    });

    it("removes a leading tab or carriage return from commentary, with a warning naming the cell", () => {
      const commentary = r.indicators.flatMap((i) => i.series.map((o) => o.commentary)).filter((c) => c !== null);
      assert.ok(commentary.includes("On track"), JSON.stringify(commentary));
      assert.ok(
        commentary.every((c) => !/^[\t\r\n]/.test(c)),
        JSON.stringify(commentary),
      );
      const cells = r.diagnostics.filter((d) => d.code === "hidden-characters-removed").map((d) => d.cell);
      assert.ok(cells.includes("H2") && cells.includes("H3"), cells.join(", "));
    });

    it('reads "Higher is worse" as lower is better', () => {
      assert.equal(parsePolarity("Higher is worse"), "lower");
      assert.equal(parsePolarity("Lower is worse"), "higher");
      assert.equal(parsePolarity("Higher is bad"), "lower");
      assert.equal(r.indicators.find((i) => i.ref === "CR02")?.polarity, "lower");
    });

    it("reads a date typed into a result cell as no data, with a warning naming the cell", () => {
      const letters = r.indicators.find((i) => i.ref === "CR03" && i.sheet === "KPIs");
      const may = letters?.series.find((o) => o.period.label === "May 2012");
      assert.equal(may?.actual, null);
      const d = r.diagnostics.find((x) => x.code === "date-in-figure");
      assert.equal(d?.sheet, "KPIs");
      assert.equal(d?.cell, "G4");
    });

    it("keeps a time of day or a duration in a result cell as a figure", () => {
      const values = [header, ["W1", "Average wait", "Lower", 0.01, 0.0105, 0.009]];
      const formats = values.map((row) => row.map((_, c) => (c >= 3 ? "mm:ss" : "General")));
      const reading = detectWorkbook([grid("Waits", values, formats)], { yearStartMonth: 4 });
      assert.equal(reading.indicators[0]?.series[0]?.actual, 0.0105);
      assert.deepEqual(
        reading.diagnostics.filter((d) => d.code === "date-in-figure"),
        [],
      );
    });

    it("warns about a reference used twice on one sheet, and about one indicator on two sheets", () => {
      const dups = r.diagnostics.filter((d) => d.code === "duplicate-indicator");
      assert.ok(
        dups.some((d) => d.sheet === "KPIs" && d.cell === "A5" && /CR01/.test(d.message)),
        dups.map((d) => d.message).join("\n"),
      );
      assert.ok(
        dups.some((d) => d.sheet === "More KPIs" && d.cell === "A2" && /CR03/.test(d.message) && /KPIs/.test(d.message)),
        dups.map((d) => d.message).join("\n"),
      );
    });

    it("reads a header whose first row's cells are merged down over a row of periods as one header", () => {
      const s = r.sheets.find((x) => x.sheet === "Two-row header");
      assert.equal(s?.layout, "wide");
      assert.equal(s?.headerRow, 3);
      const learners = r.indicators.find((i) => i.ref === "Q01");
      assert.equal(learners?.name, "Learners achieving a qualification");
      assert.equal(learners?.frequency, "quarter");
      assert.deepEqual(
        learners?.series.map((o) => [o.period.label, o.actual, o.target, o.floor]),
        [
          ["Q1 2012/13", 0.8, 0.85, 0.8],
          ["Q2 2012/13", 0.86, 0.85, 0.8],
          ["Q3 2012/13", 0.87, 0.85, 0.8],
        ],
      );
      assert.equal(r.indicators.find((i) => i.ref === "Q02")?.polarity, "lower");
      assert.deepEqual(
        r.diagnostics.filter((d) => d.sheet === "Two-row header" && d.code === "guessed-header-row"),
        [],
      );
      assert.ok(r.diagnostics.some((d) => d.sheet === "Two-row header" && d.code === "two-row-header"));
    });
  });

  it("warns about a mapping for a sheet the workbook does not have", () => {
    const reading = detectWorkbook([grid("KPIs", [header, ["A", "B", "Higher", 1, 2, 3]])], {
      yearStartMonth: 4,
      mapping: { sheets: { "KPIs 2013": { headerRow: 1, layout: "wide", columns: { A: "name" } } } },
    });
    const d = reading.diagnostics.find((x) => x.code === "mapping-sheet-missing");
    assert.ok(d, "a mapping-sheet-missing diagnostic");
    assert.equal(d.sheet, "KPIs 2013");
  });

  describe("what the host could not read", () => {
    const kpis = grid("KPIs", [header, ["A1", "Calls", "Higher", 1, 2, 3]]);

    it("lists a hidden sheet as not read, with a note saying how to read it", () => {
      const reading = detectWorkbook([kpis], { yearStartMonth: 4, notes: { unread: [{ sheet: "Old KPIs", reason: "hidden" }] } });
      const s = reading.sheets.find((x) => x.sheet === "Old KPIs");
      assert.equal(s?.layout, "none");
      assert.match(s?.note ?? "", /hidden/i);
      assert.equal(reading.diagnostics.find((d) => d.code === "sheet-hidden")?.sheet, "Old KPIs");
    });

    it("gives an error naming a sheet too large to read and its far cell", () => {
      const reading = detectWorkbook([kpis], {
        yearStartMonth: 4,
        notes: { unread: [{ sheet: "Data", reason: "too-large", farCell: "XFD1048576", cells: 17_179_869_184, limit: 5_000_000 }] },
      });
      const d = reading.diagnostics.find((x) => x.code === "sheet-too-large");
      assert.equal(d?.severity, "error");
      assert.equal(d?.sheet, "Data");
      assert.match(d?.message ?? "", /XFD1048576/);
      assert.equal(reading.indicators.length, 1);
    });

    it("says a sheet's formulas were never calculated, naming the first such cell and how to fix it", () => {
      const reading = detectWorkbook([kpis], { yearStartMonth: 4, notes: { uncalculated: [{ sheet: "KPIs", cells: 3, first: "E2" }] } });
      const d = reading.diagnostics.find((x) => x.code === "formulas-not-calculated");
      assert.equal(d?.cell, "E2");
      assert.match(d?.message ?? "", /open .* in Excel and save/i);
    });
  });
});
