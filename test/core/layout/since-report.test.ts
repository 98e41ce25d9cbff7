import assert from "node:assert/strict";
import { describe, it } from "mocha";
import type { Changes, Dashboard } from "../../../src/core/dashboard";
import { layoutDashboard } from "../../../src/core/layout";
import { rowOf, valueAt } from "./plan-helpers";
import { sampleDashboard, sampleSettings } from "./sample-dashboard";

/** The sample dashboard compared with the report of December 2012: one fell to red, one revised. */
function compared(): Dashboard {
  const base = sampleDashboard();
  const [first, second] = base.indicators;
  assert.ok(first && second);
  const changes: Changes = {
    since: { cutoff: "2012-12", produced: "2013-01-10", recorded: "2013-01-10T09:00:00.000Z" },
    entries: [
      { id: first.id, ref: first.ref, name: first.name, change: "fell-to-red", before: "AMBER", now: "RED", text: `${first.name}: fell to red (was AMBER)` },
    ],
    counts: { fellToRed: 1, backToGreen: 0, improved: 0, worsened: 0, added: 0, gone: 0, revised: 1 },
    notes: ["Directions of travel and previous results use today's figures, revisions included."],
  };
  const indicators = base.indicators.map((i, n) =>
    n === 0
      ? {
          ...i,
          sinceLastReport: { cutoff: "2012-12", rag: "AMBER" as const, change: "fell-to-red" as const, revised: false, words: "Fell to red (was AMBER)" },
        }
      : n === 1
        ? { ...i, sinceLastReport: { cutoff: "2012-12", rag: i.rag, change: null, revised: true, words: "Unchanged; figures revised" } }
        : { ...i, sinceLastReport: { cutoff: "2012-12", rag: i.rag, change: null, revised: false, words: "Unchanged" } },
  );
  return {
    ...base,
    indicators,
    changes,
    revisions: [
      {
        id: second.id,
        ref: second.ref,
        name: second.name,
        period: "Dec 2012",
        field: "result",
        reported: 0.712,
        now: 0.698,
        text: "Dec 2012 result revised from 71.2% to 69.8% since the report of December 2012",
      },
    ],
  };
}

describe("the dashboard since the last report", () => {
  it("has a short section headed with the report's month that counts the changes and lists each one", () => {
    const plan = layoutDashboard(compared(), sampleSettings());
    const heading = rowOf(plan.values, "Since the report of December 2012");
    assert.equal(valueAt(plan, `A${heading + 1}`), "• Since the report of December 2012: 1 fell to red, 1 figure revised.");
    assert.match(String(valueAt(plan, `A${heading + 2}`)), /fell to red \(was AMBER\)\.$/);
    assert.ok(rowOf(plan.values, "Exceptions") < heading && heading < rowOf(plan.values, "Data notes"), "between the exceptions and the data notes");
  });

  it("gives KPI tables a 'Since last report' column, printed, with the revised row in bold", () => {
    const d = compared();
    const plan = layoutDashboard(d, sampleSettings());
    const header = plan.values.findIndex((r) => r[13] === "Commentary") + 1;
    assert.equal(valueAt(plan, `O${header}`), "Since last report");
    assert.equal(valueAt(plan, `O${header + 1}`), "Fell to red (was AMBER)");
    assert.match(plan.print.printArea, /^A1:O\d+$/);
    const revisedRow = plan.indicatorRows?.[d.indicators[1]?.id ?? ""];
    assert.ok(revisedRow !== undefined);
    assert.equal(valueAt(plan, `O${revisedRow}`), "Unchanged; figures revised");
    assert.ok(plan.styles.some((s) => (s.range === `O${revisedRow}` || s.range === `O${revisedRow}:O${revisedRow}`) && s.style.bold === true));
  });

  it("lists each revised figure first in the data notes", () => {
    const plan = layoutDashboard(compared(), sampleSettings());
    const notes = rowOf(plan.values, "Data notes");
    assert.match(String(valueAt(plan, `A${notes + 1}`)), /: Dec 2012 result revised from 71\.2% to 69\.8% since the report of December 2012\.$/);
  });

  it("keeps the sheet as it was, with no section and no extra column, when there is no report to compare with", () => {
    const plan = layoutDashboard(sampleDashboard(), sampleSettings());
    assert.equal(plan.cols >= 14 && plan.values.every((r) => r[14] === undefined || r[14] === null), true);
    assert.match(plan.print.printArea, /^A1:N\d+$/);
    assert.ok(!plan.values.some((r) => typeof r[0] === "string" && r[0].startsWith("Since the")));
  });

  it("records the row of every indicator in the tables, for the task pane's links", () => {
    const d = sampleDashboard();
    const plan = layoutDashboard(d, sampleSettings());
    for (const i of d.indicators.filter((x) => x.excluded === null)) {
      const row = plan.indicatorRows?.[i.id];
      assert.ok(row !== undefined, i.id);
      assert.equal(valueAt(plan, `B${row}`), i.name);
    }
  });
});
