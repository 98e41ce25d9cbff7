import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "mocha";

// bin/entry.cjs is plain JavaScript: the bin loads it before tsx is there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { builtEntry } = require("../../bin/entry.cjs") as { builtEntry: (root: string) => string | null };

const root = path.join(__dirname, "..", "..");
const sample = path.join(root, "assets", "sample-performance.xlsx");

/** A project tree with one source file and, unless told not to, a build of it with its metafile. */
function project(dir: string, options: { built?: boolean; meta?: string } = {}): string {
  mkdirSync(path.join(dir, "src", "cli"), { recursive: true });
  mkdirSync(path.join(dir, "dist", "cli"), { recursive: true });
  writeFileSync(path.join(dir, "src", "cli", "main.ts"), "");
  if (options.built !== false) writeFileSync(path.join(dir, "dist", "cli", "kpi-dashboard.cjs"), "");
  writeFileSync(path.join(dir, "dist", "cli", "meta.json"), options.meta ?? JSON.stringify({ inputs: { "src/cli/main.ts": {} } }));
  return dir;
}

function setTime(file: string, seconds: number): void {
  utimesSync(file, seconds, seconds);
}

describe("the kpi-dashboard bin", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-bin-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("runs the built command line when it is newer than every source it was built from", () => {
    const p = project(path.join(dir, "fresh"));
    setTime(path.join(p, "src", "cli", "main.ts"), 1_000_000);
    setTime(path.join(p, "dist", "cli", "kpi-dashboard.cjs"), 2_000_000);
    assert.equal(builtEntry(p), path.join(p, "dist", "cli", "kpi-dashboard.cjs"));
  });

  it("runs the TypeScript when a source was changed after the build, so an edit never runs stale", () => {
    const p = project(path.join(dir, "stale"));
    setTime(path.join(p, "dist", "cli", "kpi-dashboard.cjs"), 1_000_000);
    setTime(path.join(p, "src", "cli", "main.ts"), 2_000_000);
    assert.equal(builtEntry(p), null);
  });

  it("runs the TypeScript when nothing is built, the build's record is unreadable, or a source it names is gone", () => {
    assert.equal(builtEntry(project(path.join(dir, "unbuilt"), { built: false })), null);
    assert.equal(builtEntry(project(path.join(dir, "garbled"), { meta: "{ not json" })), null);
    assert.equal(builtEntry(project(path.join(dir, "empty"), { meta: JSON.stringify({ inputs: {} }) })), null);
    assert.equal(builtEntry(project(path.join(dir, "gone"), { meta: JSON.stringify({ inputs: { "src/cli/removed.ts": {} } }) })), null);
  });

  it("gives the same JSON and summary line built as from the TypeScript, for the sample", function () {
    this.timeout(120_000);
    const build = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: root, encoding: "utf8" });
    assert.equal(build.status, 0, build.stderr);
    const bundle = builtEntry(root);
    assert.ok(bundle, "a fresh build is chosen");
    const args = ["build", sample, "--period", "2013-01", "--json"];
    const built = spawnSync(process.execPath, [bundle, ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
    const source = spawnSync(process.execPath, ["--require", "tsx/cjs", path.join(root, "src", "cli", "main.ts"), ...args], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(built.status, 0, built.stderr);
    assert.equal(source.status, 0, source.stderr);
    const json = JSON.parse(built.stdout) as { indicators: unknown[] };
    assert.ok(json.indicators.length > 20);
    assert.deepEqual(json, JSON.parse(source.stdout));
    assert.equal(built.stderr, source.stderr);
  });
});
