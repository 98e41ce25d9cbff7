import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { parseHistory, recordSnapshot, serialiseHistory, snapshotOf, type HistoryReading } from "../../../src/core/history";
import type { Indicator } from "../../../src/core/indicator";
import { buildDashboard } from "../../../src/core/rules";
import { alertChange, decimalsShown } from "../../../src/core/rules/since-last-report";
import { defaultSettings, type Settings } from "../../../src/core/settings";
import { indicator, month, obs, period } from "./indicator-builder";

const settings: Settings = { ...defaultSettings(), directorate: "Customer & Communities" };
const owner = { title: settings.title, directorate: settings.directorate };

/** A monthly KPI with its results for Nov 2012 to Jan 2013 (target 80%, floor 70%). */
function kpi(ref: string | null, name: string, row: number, results: readonly (number | null)[], fields: Partial<Indicator> = {}): Indicator {
  const months = ["2012-11", "2012-12", "2013-01"];
  return indicator({
    id: `Monthly!${row}`,
    sheet: "Monthly",
    row,
    ref,
    name,
    series: results.map((actual, i) => obs(month(months[i] ?? "2013-01"), { actual, target: 0.8, floor: 0.7 })),
    ...fields,
  });
}

/** The history after the December report was marked as reported from these indicators. */
function decemberReport(indicators: readonly Indicator[], with_: Settings = settings): HistoryReading {
  const december = buildDashboard(indicators, { settings: with_, cutoff: "2012-12", produced: "2013-01-10", diagnostics: [] });
  return parseHistory(serialiseHistory(recordSnapshot(null, snapshotOf(december, with_, "2013-01-10T09:00:00.000Z"), owner).history));
}

function january(indicators: readonly Indicator[], history: HistoryReading, with_: Settings = settings) {
  return buildDashboard(indicators, { settings: with_, cutoff: "2013-01", produced: "2013-02-10", diagnostics: [], history });
}

describe("since the last report", () => {
  it("says which alerts fell to red, came back to green, improved or worsened since the report of the last cut-off", () => {
    const before = [
      kpi("A1", "Falls to red", 5, [0.75, 0.75, 0.6]),
      kpi("A2", "Back to green", 6, [0.6, 0.6, 0.85]),
      kpi("A3", "Red to amber", 7, [0.6, 0.6, 0.75]),
      kpi("A4", "Green to amber", 8, [0.85, 0.85, 0.75]),
      kpi("A5", "Stays green", 9, [0.85, 0.85, 0.9]),
    ];
    const d = january(before, decemberReport(before));
    assert.equal(d.changes.since?.cutoff, "2012-12");
    assert.deepEqual(
      d.changes.entries.map((e) => [e.ref, e.change, e.before, e.now]),
      [
        ["A1", "fell-to-red", "AMBER", "RED"],
        ["A2", "back-to-green", "RED", "GREEN"],
        ["A3", "improved", "RED", "AMBER"],
        ["A4", "worsened", "GREEN", "AMBER"],
      ],
    );
    assert.deepEqual(d.changes.counts, { fellToRed: 1, backToGreen: 1, improved: 1, worsened: 1, added: 0, gone: 0, revised: 0 });
    assert.equal(d.indicators[0]?.sinceLastReport?.words, "Fell to red (was AMBER)");
    assert.equal(d.indicators[4]?.sinceLastReport?.words, "Unchanged");
    assert.equal(d.indicators[4]?.sinceLastReport?.change, null);
  });

  it("lists indicators new since the report and those gone from it", () => {
    const december = [kpi("A1", "Kept", 5, [0.85, 0.85]), kpi("A2", "Deleted since", 6, [0.85, 0.85])];
    const januaryRows = [kpi("A1", "Kept", 5, [0.85, 0.85, 0.85]), kpi("A3", "Added since", 6, [null, null, 0.85])];
    const d = january(januaryRows, decemberReport(december));
    assert.deepEqual(
      d.changes.entries.map((e) => [e.ref, e.change]),
      [
        ["A3", "new"],
        ["A2", "gone"],
      ],
    );
    assert.equal(d.indicators[1]?.sinceLastReport?.change, "new");
    assert.match(d.changes.entries[1]?.text ?? "", /no longer in the workbook/);
  });

  it("says a figure the report showed was revised, with both figures and the report's month, and marks the row", () => {
    const december = [kpi("A1", "Calls answered", 5, [0.7, 0.712])];
    const revised = [kpi("A1", "Calls answered", 5, [0.7, 0.698, 0.75])];
    const d = january(revised, decemberReport(december));
    assert.deepEqual(
      d.revisions.map((r) => [r.ref, r.period, r.field, r.reported, r.now]),
      [
        ["A1", "Dec 2012", "result", 0.712, 0.698],
        ["A1", "Dec 2012", "YTD result", d.revisions[1]?.reported ?? NaN, d.revisions[1]?.now ?? NaN],
      ],
    );
    assert.equal(d.revisions[0]?.text, "Dec 2012 result revised from 71.2% to 69.8% since the report of December 2012");
    assert.equal(d.indicators[0]?.sinceLastReport?.revised, true);
    assert.match(d.indicators[0]?.sinceLastReport?.words ?? "", /figures revised/);
    assert.equal(d.changes.counts.revised, 2);
    assert.ok(
      d.changes.notes.some((n) => /use today's figures/.test(n)),
      "the direction of travel says it uses today's figures",
    );
    assert.equal(d.indicators[0]?.previous?.actual, 0.698, "the previous result is today's figure");
  });

  it("does not call a difference within the rounding shown a revision", () => {
    const december = [kpi("A1", "Calls answered", 5, [0.7, 0.71204])];
    const revised = [kpi("A1", "Calls answered", 5, [0.7, 0.71196, 0.75])];
    const d = january(revised, decemberReport(december));
    assert.deepEqual(d.revisions, []);
    assert.equal(decimalsShown("0.0%", "percentage"), 3);
    assert.equal(decimalsShown("#,##0", "count"), 0);
    assert.equal(decimalsShown(null, "number"), 1);
  });

  it("notes a renamed indicator or a changed reference instead of calling it new and gone", () => {
    const december = [kpi("A1", "Calls answered in 20s", 5, [0.85, 0.85]), kpi("B1", "Website visits", 6, [0.85, 0.85])];
    const januaryRows = [kpi("A1", "Calls answered within 20 seconds", 9, [0.85, 0.85, 0.85]), kpi("B2", "Website visits", 5, [0.85, 0.85, 0.85])];
    const d = january(januaryRows, decemberReport(december));
    assert.deepEqual(d.changes.entries, []);
    assert.ok(
      d.changes.notes.some((n) => /A1 Calls answered within 20 seconds: renamed since the report of December 2012 \(was "Calls answered in 20s"\)/.test(n)),
      d.changes.notes.join("\n"),
    );
    assert.ok(
      d.changes.notes.some((n) => /Website visits: reference changed from B1 to B2/.test(n)),
      d.changes.notes.join("\n"),
    );
  });

  it("does not compare figures for revisions when the way the workbook is read has changed, and says so", () => {
    const december = [kpi("A1", "Calls answered", 5, [0.7, 0.712])];
    const revised = [kpi("A1", "Calls answered", 5, [0.7, 0.698, 0.75])];
    const mapped: Settings = { ...settings, sheets: ["Monthly"] };
    const d = january(revised, decemberReport(december), mapped);
    assert.deepEqual(d.revisions, []);
    assert.ok(d.changes.notes.some((n) => /figures are not compared/.test(n)));
    assert.ok(d.diagnostics.some((x) => x.code === "history-settings-changed"));
  });

  it("says when the rating rules changed, as alerts may move for that reason", () => {
    const december = [kpi("A1", "Calls answered", 5, [0.8, 0.8])];
    const januaryRows = [kpi("A1", "Calls answered", 5, [0.8, 0.8, 0.8])];
    const stricter: Settings = { ...settings, rules: { ...settings.rules, atTarget: "AMBER" } };
    const d = january(januaryRows, decemberReport(december), stricter);
    assert.equal(d.changes.entries[0]?.change, "worsened");
    assert.ok(d.changes.notes.some((n) => /rating rules have changed/.test(n)));
  });

  it("compares with the last report before the cut-off, never with one of the same or a later month", () => {
    const rows = [kpi("A1", "Calls answered", 5, [0.85, 0.6, 0.6])];
    const dec = buildDashboard(rows, { settings, cutoff: "2012-12", produced: "2013-01-10", diagnostics: [] });
    const jan = buildDashboard(rows, { settings, cutoff: "2013-01", produced: "2013-02-10", diagnostics: [] });
    let h = recordSnapshot(null, snapshotOf(dec, settings, "2013-01-10T09:00:00.000Z"), owner).history;
    h = recordSnapshot(h, snapshotOf(jan, settings, "2013-02-10T09:00:00.000Z"), owner).history;
    const rebuilt = january(rows, { history: h, problem: null });
    assert.equal(rebuilt.changes.since?.cutoff, "2012-12");
  });

  it("does not compare with a history it cannot read, and reports it as a diagnostic", () => {
    const d = january([kpi("A1", "Calls answered", 5, [0.8, 0.8, 0.8])], parseHistory("{damaged"));
    assert.equal(d.changes.since, null);
    assert.ok(d.diagnostics.some((x) => x.code === "history-unreadable"));
    assert.equal(d.indicators[0]?.sinceLastReport, null);
  });

  it("does not compare with a history recorded for another dashboard", () => {
    const rows = [kpi("A1", "Calls answered", 5, [0.8, 0.8, 0.6])];
    const theirs = parseHistory(
      serialiseHistory(
        recordSnapshot(null, snapshotOf(january(rows, { history: null, problem: null }), settings, "x"), {
          title: "Performance Dashboard",
          directorate: "Another Council",
        }).history,
      ),
    );
    const d = january(rows, {
      history: theirs.history && { ...theirs.history, snapshots: theirs.history.snapshots.map((s) => ({ ...s, cutoff: "2012-12" })) },
      problem: null,
    });
    assert.equal(d.changes.since, null);
    assert.ok(d.diagnostics.some((x) => x.code === "history-of-another-dashboard"));
  });

  it("compares a quarterly indicator's revised quarter by its label", () => {
    const q2 = period("Q2 2012/13", "2012-07-01", "2012-09-30");
    const q3 = period("Q3 2012/13", "2012-10-01", "2012-12-31");
    const reported = [
      indicator({
        id: "Q!4",
        sheet: "Q",
        row: 4,
        ref: "Q01",
        name: "Drug users completing treatment",
        frequency: "quarter",
        series: [obs(q2, { actual: 0.712, target: 0.7, floor: 0.6 })],
      }),
    ];
    const today = [
      indicator({
        id: "Q!4",
        sheet: "Q",
        row: 4,
        ref: "Q01",
        name: "Drug users completing treatment",
        frequency: "quarter",
        series: [obs(q2, { actual: 0.698, target: 0.7, floor: 0.6 }), obs(q3, { actual: 0.72, target: 0.7, floor: 0.6 })],
      }),
    ];
    const d = january(today, decemberReport(reported));
    assert.equal(d.revisions[0]?.text, "Q2 2012/13 result revised from 71.2% to 69.8% since the report of December 2012");
  });
});

describe("alertChange", () => {
  it("counts EXCEEDED as green: no change between them, back to green from amber, worsened to amber from it", () => {
    assert.equal(alertChange("GREEN", "EXCEEDED"), null);
    assert.equal(alertChange("EXCEEDED", "GREEN"), null);
    assert.equal(alertChange("AMBER", "EXCEEDED"), "back-to-green");
    assert.equal(alertChange("EXCEEDED", "AMBER"), "worsened");
    assert.equal(alertChange("EXCEEDED", "RED"), "fell-to-red");
  });

  it("says nothing of a move to or from monitor only", () => {
    assert.equal(alertChange("GREEN", "MONITOR"), null);
    assert.equal(alertChange("MONITOR", "AMBER"), null);
  });
});
