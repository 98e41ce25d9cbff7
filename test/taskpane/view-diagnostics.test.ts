import { strict as assert } from "node:assert";
import { diagnostic } from "../../src/core/diagnostics";
import { diagnosticLocation, sortDiagnostics } from "../../src/taskpane/view-diagnostics";

describe("diagnosticLocation", () => {
  it("writes a cell as Excel does, sheet!cell", () => {
    assert.equal(diagnosticLocation(diagnostic("text-not-a-number", "Monthly KPIs", "P7", "x")), "Monthly KPIs!P7");
  });

  it("names the sheet alone when no cell is concerned, and the workbook when no sheet is", () => {
    assert.equal(diagnosticLocation(diagnostic("sheet-unreadable", "Crime", null, "x")), "Crime");
    assert.equal(diagnosticLocation(diagnostic("no-polarity-column", null, null, "x")), "Workbook");
  });
});

describe("sortDiagnostics", () => {
  it("puts errors first, then warnings, then notes, keeping workbook order within each", () => {
    const sorted = sortDiagnostics([
      diagnostic("no-polarity-column", "A", "A1", "note 1"),
      diagnostic("text-not-a-number", "A", "B2", "warning 1"),
      diagnostic("sheet-unreadable", "B", "C3", "error 1"),
      diagnostic("text-not-a-number", "B", "D4", "warning 2"),
    ]);
    assert.deepEqual(
      sorted.map((d) => d.message),
      ["error 1", "warning 1", "warning 2", "note 1"],
    );
  });
});
