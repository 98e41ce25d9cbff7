import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import {
  defaultMaxSnapshots,
  historyFormatVersion,
  lastReportBefore,
  parseHistory,
  recordSnapshot,
  serialiseHistory,
  settingsFingerprint,
  snapshotOf,
  type History,
  type Snapshot,
} from "../../src/core/history";
import { buildDashboard } from "../../src/core/rules";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { indicator, month, obs } from "./rules/indicator-builder";

const settings: Settings = { ...defaultSettings(), title: "Performance Dashboard", directorate: "Customer & Communities" };
const owner = { title: settings.title, directorate: settings.directorate };

const calls = indicator({
  id: "Monthly!5",
  sheet: "Monthly",
  row: 5,
  ref: "CR01",
  name: "Calls answered within 20 seconds",
  series: [obs(month("2012-11"), { actual: 0.71, target: 0.8, floor: 0.7 }), obs(month("2012-12"), { actual: 0.712, target: 0.8, floor: 0.7 })],
});
const noRef = indicator({
  id: "Monthly!6",
  sheet: "Monthly",
  row: 6,
  ref: null,
  name: "Website visits",
  unit: "count",
  series: [obs(month("2012-12"), { actual: 1200, target: 1000, floor: 900 })],
});

function dashboardFor(cutoff: string) {
  return buildDashboard([calls, noRef], { settings, cutoff, produced: "2013-01-10", diagnostics: [] });
}

function snapshot(cutoff: string, recorded = `${cutoff}-28T09:00:00.000Z`): Snapshot {
  return snapshotOf(dashboardFor(cutoff), settings, recorded);
}

describe("the report history", () => {
  it("keeps what the dashboard showed for each indicator, keyed by reference or else by sheet and name, with the cut-off, settings' fingerprints and time", () => {
    const s = snapshot("2012-12", "2013-01-10T09:30:00.000Z");
    assert.equal(s.cutoff, "2012-12");
    assert.equal(s.produced, "2013-01-10");
    assert.equal(s.recorded, "2013-01-10T09:30:00.000Z");
    assert.deepEqual(s.settings, settingsFingerprint(settings));
    const [c, w] = s.indicators;
    assert.deepEqual(c?.key, { ref: "CR01", sheet: "Monthly", name: "Calls answered within 20 seconds" });
    assert.equal(c?.period, "Dec 2012");
    assert.equal(c?.actual, 0.712);
    assert.equal(c?.target, 0.8);
    assert.equal(c?.floor, 0.7);
    assert.equal(c?.rag, "AMBER");
    assert.equal(c?.dot, "IMPROVED");
    assert.deepEqual(c?.previous, { period: "Nov 2012", actual: 0.71 });
    assert.equal(c?.ytd?.rag, "AMBER");
    assert.deepEqual(w?.key, { ref: null, sheet: "Monthly", name: "Website visits" });
  });

  it("reads back exactly what it stores, in a versioned format", () => {
    const history: History = recordSnapshot(recordSnapshot(null, snapshot("2012-11"), owner).history, snapshot("2012-12"), owner).history;
    const text = serialiseHistory(history);
    const json = JSON.parse(text) as { format: string; version: number };
    assert.equal(json.format, "kpi-dashboard-history");
    assert.equal(json.version, historyFormatVersion);
    const back = parseHistory(text);
    assert.equal(back.problem, null);
    assert.deepEqual(back.history, history);
  });

  it("keeps the last 36 reports by default, dropping the oldest", () => {
    let history: History | null = null;
    let notes: readonly string[] = [];
    for (let i = 0; i < 40; i++) {
      const year = 2010 + Math.floor(i / 12);
      const cutoff = `${year}-${String((i % 12) + 1).padStart(2, "0")}`;
      ({ history, notes } = recordSnapshot(history, { ...snapshot("2012-12"), cutoff }, owner));
    }
    assert.equal(defaultMaxSnapshots, 36);
    assert.equal(history?.snapshots.length, 36);
    assert.equal(history?.snapshots[0]?.cutoff, "2010-05", "the four oldest went");
    assert.equal(history?.snapshots[35]?.cutoff, "2013-04");
    assert.ok(notes.some((n) => /oldest report was dropped/.test(n)));
  });

  it("replaces a report of the same month marked as reported again, and says so", () => {
    const first = recordSnapshot(null, snapshot("2012-12", "2013-01-10T09:00:00.000Z"), owner).history;
    const again = recordSnapshot(first, snapshot("2012-12", "2013-01-11T09:00:00.000Z"), owner);
    assert.equal(again.history.snapshots.length, 1);
    assert.equal(again.history.snapshots[0]?.recorded, "2013-01-11T09:00:00.000Z");
    assert.ok(again.notes.some((n) => /replaces the report of the same month/.test(n)));
  });

  it("starts its own history over one recorded for another dashboard (a workbook copied from another council's)", () => {
    const theirs = recordSnapshot(null, snapshot("2012-11"), { title: "Performance Dashboard", directorate: "Another Council" }).history;
    const ours = recordSnapshot(theirs, snapshot("2012-12"), owner);
    assert.deepEqual(ours.history.owner, owner);
    assert.deepEqual(
      ours.history.snapshots.map((s) => s.cutoff),
      ["2012-12"],
    );
    assert.ok(ours.notes.some((n) => /recorded for "Performance Dashboard" \(Another Council\)/.test(n)));
  });

  it("does not use a history written by a newer version, and says so", () => {
    const text = serialiseHistory(recordSnapshot(null, snapshot("2012-12"), owner).history).replace(
      `"version":${historyFormatVersion}`,
      `"version":${historyFormatVersion + 1}`,
    );
    const reading = parseHistory(text);
    assert.equal(reading.history, null);
    assert.match(reading.problem ?? "", /newer version/);
  });

  it("does not use a damaged or hand-edited history, and says so", () => {
    assert.match(parseHistory("{not json").problem ?? "", /damaged/);
    const text = serialiseHistory(recordSnapshot(null, snapshot("2012-12"), owner).history);
    const edited = JSON.parse(text) as { snapshots: { cutoff: string }[] };
    if (edited.snapshots[0]) edited.snapshots[0].cutoff = "December";
    const reading = parseHistory(JSON.stringify(edited));
    assert.equal(reading.history, null);
    assert.match(reading.problem ?? "", /snapshots\.0\.cutoff/);
  });

  it("reads the columns it knows and ignores columns a later version of the same format added", () => {
    const text = serialiseHistory(recordSnapshot(null, snapshot("2012-12"), owner).history);
    const json = JSON.parse(text) as { snapshots: { fields: string[]; rows: unknown[][] }[] };
    const s = json.snapshots[0];
    assert.ok(s);
    s.fields = ["comment", ...s.fields];
    s.rows = s.rows.map((r) => ["a later column", ...r]);
    const reading = parseHistory(JSON.stringify(json));
    assert.equal(reading.problem, null);
    assert.equal(reading.history?.snapshots[0]?.indicators[0]?.actual, 0.712);
  });

  it("finds the last report before a cut-off: the latest earlier month, the later of two recorded for it", () => {
    let history = recordSnapshot(null, snapshot("2012-10"), owner).history;
    history = recordSnapshot(history, snapshot("2012-12"), owner).history;
    history = recordSnapshot(history, snapshot("2013-01"), owner).history;
    assert.equal(lastReportBefore(history, "2013-01")?.cutoff, "2012-12");
    assert.equal(lastReportBefore(history, "2012-12")?.cutoff, "2012-10");
    assert.equal(lastReportBefore(history, "2012-10"), null);
  });

  it("stores 36 reports of 1,000 indicators in under 4 MB, within Excel on the web's 5 MB answer", () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      indicator({
        id: `Monthly!${i + 5}`,
        row: i + 5,
        ref: `KPI${i + 1}`,
        name: `Indicator number ${i + 1} with a name of ordinary length`,
        series: [
          obs(month("2012-11"), { actual: 0.5 + (i % 37) / 100, target: 0.75, floor: 0.6 }),
          obs(month("2012-12"), { actual: 0.51 + (i % 41) / 100, target: 0.75, floor: 0.6 }),
        ],
      }),
    );
    const d = buildDashboard(many, { settings, cutoff: "2012-12", produced: "2013-01-10", diagnostics: [] });
    let history: History | null = null;
    for (let m = 0; m < 36; m++) {
      const cutoff = `${2010 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
      history = recordSnapshot(history, { ...snapshotOf(d, settings, "2013-01-10T09:00:00.000Z"), cutoff }, owner).history;
    }
    assert.ok(history);
    const bytes = new TextEncoder().encode(serialiseHistory(history)).length;
    assert.ok(bytes < 4_000_000, `${bytes} bytes`);
    assert.ok(bytes > 36 * 1000 * 20, `${bytes} bytes: every report is in it`);
  });
});
