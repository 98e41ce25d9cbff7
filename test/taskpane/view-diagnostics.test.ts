import { strict as assert } from "node:assert";
import { diagnostic } from "../../src/core/diagnostics";
import { diagnosticLocation, sortDiagnostics } from "../../src/taskpane/view-diagnostics";

describe("diagnosticLocation", () => {
  it("writes a cell as Excel does, sheet!cell", () => {
    assert.equal(diagnosticLocation(diagnostic("warning", "Monthly KPIs", "P7", "x")), "Monthly KPIs!P7");
  });

  it("names the sheet alone when no cell is concerned, and the workbook when no sheet is", () => {
    assert.equal(diagnosticLocation(diagnostic("error", "Crime", null, "x")), "Crime");
    assert.equal(diagnosticLocation(diagnostic("info", null, null, "x")), "Workbook");
  });
});

describe("sortDiagnostics", () => {
  it("puts errors first, then warnings, then notes, keeping workbook order within each", () => {
    const sorted = sortDiagnostics([
      diagnostic("info", "A", "A1", "note 1"),
      diagnostic("warning", "A", "B2", "warning 1"),
      diagnostic("error", "B", "C3", "error 1"),
      diagnostic("warning", "B", "D4", "warning 2"),
    ]);
    assert.deepEqual(
      sorted.map((d) => d.message),
      ["error 1", "warning 1", "warning 2", "note 1"],
    );
  });
});
