import assert from "node:assert/strict";
import { addDataNotesBlock, diagnosticNotes, excludedWords, indicatorNotes } from "../../../src/core/layout/data-notes";
import { newBuilder } from "./plan-helpers";
import { sampleDashboard } from "./sample-dashboard";

describe("data notes", () => {
  const notes = indicatorNotes(sampleDashboard());

  it("says which period is the latest available for a late result", () => {
    assert.ok(notes.includes("CCS01 Problem drug users completing treatment: Q2 2012/13 is the latest available."));
  });

  it("names indicators without data, excluded ones with their reason, and stale ones", () => {
    assert.ok(notes.some((n) => n.startsWith("RS01 Rogue traders disrupted: no result has been reported for Dec 2012")));
    assert.ok(
      notes.includes("BT01 Big Society loans approved: Not included in this iteration: the loan scheme is being redesigned and will report again from April."),
    );
    assert.ok(notes.some((n) => n.startsWith("LAR04 Deaths registered within 5 days: the latest result (2010/11) is older")));
    assert.equal(notes.length, 4);
  });

  it("does not say 'not included' twice when the sheet's reason already does", () => {
    assert.equal(excludedWords("not included in this iteration: under review"), "Not included in this iteration: under review.");
  });

  it("lists errors before warnings with sheet and cell, skips info, and caps the list with 'and N more'", () => {
    const lines = diagnosticNotes(sampleDashboard().diagnostics, 8);
    assert.equal(lines[0], "Error: Sheet 'KPIs', cell F9: The result 'n/a' is not a number; it was read as missing.");
    assert.equal(lines.length, 9);
    assert.match(lines[8] ?? "", /^and 3 more errors and warnings/);
    assert.ok(!lines.some((l) => l.includes("Read 13 indicators")));
  });

  it("writes each note in column A, its text running over the empty cells to its right", () => {
    const b = newBuilder();
    addDataNotesBlock(b, sampleDashboard());
    const values = b.values();
    const noteRows = values.map((r, i) => ({ cells: r, row: i + 1 })).filter((r) => typeof r.cells[0] === "string" && r.cells[0].startsWith("• "));
    assert.equal(noteRows.length, 4 + 9);
    for (const { cells } of noteRows) assert.ok(cells.slice(1).every((v) => v === null));
  });
});
