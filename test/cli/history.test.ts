import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

/** Two builds a month apart through the command line, as a team would run them, with a figure revised in between. */
const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "kpi-dashboard.cjs");
const sample = path.join(root, "assets", "sample-performance.xlsx");

function cli(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonIndicator {
  id: string;
  ref: string | null;
  name: string;
  kind: string;
  frequency: string;
  actual: number | null;
  period: { label: string } | null;
  cells: Record<string, string>;
  sheet: string;
  sinceLastReport: { cutoff: string; revised: boolean; words: string } | null;
}
interface JsonOut {
  indicators: JsonIndicator[];
  changes: { since: { cutoff: string } | null; counts: Record<string, number>; entries: unknown[]; notes: string[] };
  revisions: { ref: string | null; period: string; field: string; reported: number; now: number; text: string }[];
  sheets: { sheet: string }[];
  written: Record<string, string>;
}

describe("kpi-dashboard build with a report history", function () {
  this.timeout(240_000);
  let dir: string;

  before(function () {
    if (!existsSync(sample)) this.skip();
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-history-"));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("records December's report with --record, then shows January's changes and the December figure revised since", async () => {
    const input = path.join(dir, "kpis.xlsx");
    copyFileSync(sample, input);
    const out = path.join(dir, "out", "dashboard.xlsx");
    const history = path.join(dir, "out", "dashboard.history.json");

    const december = cli(["build", input, "--period", "2012-12", "--out", out, "--record", "--json"]);
    assert.equal(december.code, 0, december.stderr);
    assert.ok(existsSync(history), "the history is kept beside the output");
    assert.match(december.stderr, /Recorded as the report of December 2012 in .*dashboard\.history\.json \(1 report kept\)/);
    const stored = JSON.parse(readFileSync(history, "utf8")) as { format: string; version: number; snapshots: { cutoff: string }[] };
    assert.equal(stored.format, "kpi-dashboard-history");
    assert.equal(stored.version, 1);
    assert.deepEqual(
      stored.snapshots.map((s) => s.cutoff),
      ["2012-12"],
    );

    // A team revises December's figure of a monthly KPI after the report went out.
    const dec = JSON.parse(december.stdout) as JsonOut;
    const target = dec.indicators.find(
      (i) => i.kind === "kpi" && i.frequency === "month" && i.period?.label === "Dec 2012" && typeof i.actual === "number" && i.cells.actual,
    );
    assert.ok(target, "a monthly KPI showing December");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(input);
    const cell = workbook.getWorksheet(target.sheet)?.getCell(target.cells.actual ?? "");
    assert.ok(cell);
    const revisedTo = (target.actual ?? 0) * 0.9;
    cell.value = revisedTo;
    await workbook.xlsx.writeFile(input);

    const january = cli(["build", input, "--period", "2013-01", "--out", out, "--json"]);
    assert.equal(january.code, 0, january.stderr);
    const jan = JSON.parse(january.stdout) as JsonOut;
    assert.equal(jan.changes.since?.cutoff, "2012-12");
    const revision = jan.revisions.find((r) => r.ref === target.ref && r.period === "Dec 2012" && r.field === "result");
    assert.ok(revision, JSON.stringify(jan.revisions));
    assert.equal(revision.reported, target.actual);
    assert.ok(Math.abs(revision.now - revisedTo) < 1e-9);
    assert.match(revision.text, /^Dec 2012 result revised from .+ to .+ since the report of December 2012$/);
    const row = jan.indicators.find((i) => i.id === target.id);
    assert.equal(row?.sinceLastReport?.revised, true);
    assert.match(january.stderr, /Since the report of December 2012: .*figures? revised/);

    // The workbook written says so too: the section, the column and the data note.
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const sheet = written.worksheets[0];
    assert.ok(sheet);
    const texts: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    assert.ok(texts.includes("Since the report of December 2012"), "the section's heading");
    assert.ok(texts.includes("Since last report"), "the column's heading");
    assert.ok(
      texts.some((t) => t.includes(revision.text)),
      "the data note",
    );
    assert.equal(sheet.pageSetup.printArea?.split(":")[1]?.replace(/\d+$/, ""), "O", "the print area takes in the new column");

    // That build was a trial: nothing was recorded.
    const after = JSON.parse(readFileSync(history, "utf8")) as { snapshots: unknown[] };
    assert.equal(after.snapshots.length, 1, "a build without --record adds no report");
  });

  it("keeps a history it cannot read as it is, says so, and records nothing over it", () => {
    const history = path.join(dir, "damaged.history.json");
    writeFileSync(history, "{ this was edited by hand");
    const before = readFileSync(history);
    const run = cli(["build", sample, "--period", "2013-01", "--out", path.join(dir, "d2.xlsx"), "--history", history, "--record"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Not recorded: .*damaged/);
    assert.ok(readFileSync(history).equals(before), "the history file is unchanged");

    const trial = cli(["build", sample, "--period", "2013-01", "--history", history, "--json"]);
    assert.equal(trial.code, 0, trial.stderr);
    const json = JSON.parse(trial.stdout) as { diagnostics: { code: string }[] };
    assert.ok(json.diagnostics.some((d) => d.code === "history-unreadable"));
  });

  it("asks where to keep the history when --record has neither --out nor --history", () => {
    const run = cli(["build", sample, "--json", "--record"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--record needs somewhere to keep the history/);
  });

  it("never reads the add-in's VeryHidden history sheet as indicator data", async () => {
    const input = path.join(dir, "with-store.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(sample);
    const store = workbook.addWorksheet("kpiDashboard.history", { state: "veryHidden" });
    store.getCell("A1").value = '|{"format":"kpi-dashboard-history"';
    store.getCell("A2").value = "Ref";
    store.getCell("B2").value = "Indicator";
    store.getCell("C2").value = "Apr-12";
    await workbook.xlsx.writeFile(input);
    const run = cli(["build", input, "--period", "2013-01", "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as JsonOut;
    assert.ok(!json.sheets.some((s) => s.sheet === "kpiDashboard.history"));
    assert.ok(!json.indicators.some((i) => i.sheet === "kpiDashboard.history"));
  });
});
