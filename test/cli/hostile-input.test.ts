import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The command line under hostile and huge input, run as a user runs it (through its bin script):
 * whatever the file, one clear line and a documented exit code, never a trace, and the input
 * never changed.
 */
const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "kpi-dashboard.cjs");
const fixture = (name: string): string => path.join(root, "test", "fixtures", name);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], options: { env?: Record<string, string>; nodeArgs?: readonly string[] } = {}): Run {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lines(text: string): string[] {
  return text.split("\n").filter((l) => l.trim().length > 0);
}

function assertNoTrace(run: Run): void {
  assert.doesNotMatch(run.stderr, /^\s+at /m, run.stderr);
  assert.doesNotMatch(run.stderr, /FATAL ERROR|heap out of memory/i, run.stderr);
}

interface Json {
  readonly indicators: { sheet: string; ref: string | null; name: string; commentary: string | null }[];
  readonly diagnostics: { code: string; severity: string; sheet: string | null; cell: string | null; message: string }[];
  readonly sheets: { sheet: string; layout: string; note: string }[];
}

function json(run: Run): Json {
  return JSON.parse(run.stdout) as Json;
}

describe("kpi-dashboard build on hostile and huge input", function () {
  this.timeout(180_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-hostile-"));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe("an --out that is the input under another name", () => {
    for (const kind of ["symbolic", "hard"] as const) {
      it(`refuses an --out that is a ${kind} link to the input, with one line and exit code 2, and leaves the input's bytes as they were`, () => {
        const input = path.join(dir, `input-${kind}.xlsx`);
        copyFileSync(fixture("wide-monthly.xlsx"), input);
        const before = readFileSync(input);
        const link = path.join(dir, `link-${kind}.xlsx`);
        if (kind === "symbolic") symlinkSync(input, link);
        else linkSync(input, link);
        const run = cli(["build", input, "--out", link]);
        assert.equal(run.code, 2, run.stderr);
        assert.equal(lines(run.stderr).length, 1, run.stderr);
        assert.match(run.stderr, /is the input workbook/);
        assert.ok(readFileSync(input).equals(before), "the input's bytes changed");
        assertNoTrace(run);
      });
    }
  });

  it("writes through a temporary file renamed into place, leaving nothing else beside the output", () => {
    const out = path.join(dir, "atomic", "dashboard.xlsx");
    const run = cli(["build", fixture("wide-monthly.xlsx"), "--out", out]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(path.dirname(out)), ["dashboard.xlsx"]);
  });

  describe("sparse sheets", () => {
    for (const [file, far] of [
      ["sparse-far.xlsx", "XFD1048576"],
      ["sparse-tall.xlsx", "A1048576"],
    ] as const) {
      it(`reads a 7 KB workbook whose used range runs to ${far} within a 256 MB heap, and finds its two KPIs`, () => {
        const run = cli(["build", fixture(file), "--json"], { nodeArgs: ["--max-old-space-size=256"] });
        assertNoTrace(run);
        assert.equal(run.code, 0, run.stderr.slice(0, 2000));
        assert.deepEqual(
          json(run).indicators.map((i) => i.ref),
          ["CR01", "CR02"],
        );
      });
    }

    it("says, in one error line and with exit code 3, that a sheet past the cell limit was not read, naming the sheet and its far cell", () => {
      const run = cli(["build", fixture("sparse-far.xlsx"), "--json"], { env: { KPI_DASHBOARD_MAX_CELLS: "10" } });
      assertNoTrace(run);
      assert.equal(run.code, 3, run.stderr);
      const errors = lines(run.stderr).filter((l) => /error/i.test(l) && /KPIs/.test(l));
      assert.equal(errors.length, 1, run.stderr);
      assert.match(errors[0] ?? "", /XFD1048576/);
      assert.ok(json(run).diagnostics.some((d) => d.code === "sheet-too-large" && d.sheet === "KPIs"));
    });
  });

  it("says the file was never recalculated when formulas have no saved results, and how to fix it", () => {
    const run = cli(["build", fixture("uncalculated.xlsx"), "--json"]);
    assertNoTrace(run);
    assert.match(run.stderr, /never recalculated/);
    assert.match(run.stderr, /open it in Excel and save it/i);
    const d = json(run).diagnostics.find((x) => x.code === "formulas-not-calculated");
    assert.ok(d, "a formulas-not-calculated diagnostic");
    assert.equal(d.sheet, "KPIs");
    assert.equal(d.cell, "A2");
  });

  describe("hidden sheets", () => {
    it("reads no hidden sheet unless the settings name it, and says which it left out", () => {
      const run = cli(["build", fixture("hidden-sheets.xlsx"), "--json"]);
      assert.equal(run.code, 0, run.stderr);
      const out = json(run);
      assert.deepEqual(
        out.indicators.map((i) => i.ref),
        ["CR01", "CR02"],
      );
      const hidden = out.diagnostics.filter((d) => d.code === "sheet-hidden").map((d) => d.sheet);
      assert.deepEqual(hidden.sort(), ["Lookup", "Old KPIs"]);
      assert.match(run.stderr, /hidden/i);
    });

    it("reads a hidden sheet the settings name", () => {
      const settings = path.join(dir, "hidden-settings.json");
      writeFileSync(settings, JSON.stringify({ sheets: ["KPIs", "Old KPIs"] }));
      const run = cli(["build", fixture("hidden-sheets.xlsx"), "--json", "--settings", settings]);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(
        json(run).indicators.map((i) => i.ref),
        ["CR01", "CR02", "OLD01", "OLD02"],
      );
    });
  });

  it("reads settings and mapping files saved with a byte-order mark, as Windows Notepad saves them", () => {
    const settings = path.join(dir, "bom-settings.json");
    const mapping = path.join(dir, "bom-map.json");
    writeFileSync(settings, `\ufeff${JSON.stringify({ title: "With a BOM" })}`);
    writeFileSync(mapping, `\ufeff${JSON.stringify({ sheets: {} })}`);
    const run = cli(["build", fixture("wide-monthly.xlsx"), "--json", "--settings", settings, "--map", mapping]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { title: string }).title, "With a BOM");
  });

  for (const [file, words] of [
    ["no-workbook.xlsx", /holds no Excel workbook/],
    ["no-sheets.xlsx", /has no worksheets/],
  ] as const) {
    it(`refuses ${file === "no-workbook.xlsx" ? "a zip that holds no workbook" : "a workbook with no worksheets"} with one line and exit code 2`, () => {
      const run = cli(["build", fixture(file), "--out", path.join(dir, `${file}-out.xlsx`)]);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(lines(run.stderr).length, 1, run.stderr);
      assert.match(run.stderr, words);
      assert.equal(existsSync(path.join(dir, `${file}-out.xlsx`)), false);
      assertNoTrace(run);
    });
  }

  it("warns about a --map entry for a sheet the workbook does not have", () => {
    const mapping = path.join(dir, "missing-sheet-map.json");
    writeFileSync(mapping, JSON.stringify({ sheets: { "KPIs 2013": { headerRow: 1, layout: "wide", columns: { A: "name" } } } }));
    const run = cli(["build", fixture("wide-monthly.xlsx"), "--json", "--map", mapping]);
    assert.equal(run.code, 0, run.stderr);
    const d = json(run).diagnostics.find((x) => x.code === "mapping-sheet-missing");
    assert.ok(d, "a mapping-sheet-missing diagnostic");
    assert.match(d.message, /KPIs 2013/);
  });

  it("says so, naming the cell, when it removes a leading tab or carriage return from text in --json", () => {
    const run = cli(["build", fixture("disguised.xlsx"), "--json"]);
    const out = json(run);
    const onTrack = out.indicators.find((i) => i.ref === "CR01" && i.sheet === "KPIs" && i.commentary !== null);
    assert.equal(onTrack?.commentary, "On track");
    const cells = out.diagnostics.filter((d) => d.code === "hidden-characters-removed").map((d) => `${d.sheet}!${d.cell}`);
    assert.ok(cells.includes("KPIs!H2"), cells.join(", "));
    assert.ok(cells.includes("KPIs!H3"), cells.join(", "));
  });
});
