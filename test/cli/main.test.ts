import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { summaryLine } from "../../src/cli/build-command";

/** Runs the command line as a user would, through its bin script. */
const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "kpi-dashboard.cjs");
const sample = path.join(root, "assets", "sample-performance.xlsx");

function cli(args: readonly string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const promisedFields = [
  "sheet",
  "row",
  "ref",
  "name",
  "serviceArea",
  "kind",
  "frequency",
  "polarity",
  "unit",
  "period",
  "actual",
  "target",
  "floor",
  "expected",
  "lower",
  "upper",
  "rag",
  "previous",
  "dot",
  "position",
  "commentary",
];

describe("kpi-dashboard build", function () {
  this.timeout(180_000);
  let dir: string;

  before(function () {
    if (!existsSync(sample)) this.skip();
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-cli-"));
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("prints JSON with the promised fields for every indicator, and the diagnostics", () => {
    const { code, stdout, stderr } = cli(["build", sample, "--period", "2013-01", "--json"]);
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    const indicators = json.indicators as Record<string, unknown>[];
    assert.ok(Array.isArray(indicators) && indicators.length > 0);
    for (const indicator of indicators) {
      for (const field of promisedFields) assert.ok(field in indicator, `${String(indicator.name)} lacks ${field}`);
    }
    assert.ok(Array.isArray(json.diagnostics));
    for (const key of ["summary", "exceptions", "coverage", "cutoff", "sheets"]) assert.ok(key in json, key);
    assert.equal(json.cutoff, "2013-01");
    assert.match(stderr, /\d+ indicators: \d+ green, \d+ amber, \d+ red, \d+ no data/);
  });

  it("writes the dashboard to a new workbook and leaves the input untouched", async () => {
    const input = path.join(dir, "input.xlsx");
    copyFileSync(sample, input);
    const before = { bytes: readFileSync(input), mtime: statSync(input).mtimeMs };
    const out = path.join(dir, "out", "dashboard.xlsx");
    const { code, stderr } = cli(["build", input, "--period", "2013-01", "--out", out, "--title", "Customer Services", "--group-by", "service-area"]);
    assert.equal(code, 0, stderr);
    assert.ok(readFileSync(input).equals(before.bytes), "input bytes changed");
    assert.equal(statSync(input).mtimeMs, before.mtime);
    assert.match(stderr, /dashboard\.xlsx written/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Dashboard");
    assert.ok(ws, "Dashboard sheet");
    assert.equal(ws.getCell("A1").value, "Customer Services");
    assert.equal(wb.worksheets.length, 1);
  });

  it("draws the trend charts into the workbook when the settings or --charts ask, with their data beside the printed columns", async () => {
    const settings = path.join(dir, "charts.json");
    writeFileSync(settings, JSON.stringify({ charts: true }));
    const out = path.join(dir, "charts.xlsx");
    const { code, stderr } = cli(["build", sample, "--period", "2013-01", "--settings", settings, "--out", out]);
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /drawn only by the add-in/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = zip.file(/^xl\/charts\/chart\d+\.xml$/);
    assert.ok(charts.length >= 10, `${charts.length} chart parts`);
    const flag = path.join(dir, "charts-flag.xlsx");
    assert.equal(cli(["build", sample, "--period", "2013-01", "--charts", "--out", flag]).code, 0);
    assert.equal((await JSZip.loadAsync(readFileSync(flag))).file(/^xl\/charts\//).length, charts.length, "--charts does the same");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Dashboard");
    const column = ws?.getColumn("P").values ?? [];
    assert.ok(column.includes("Chart data (used by the trend charts)"), "the data block's heading is in column P");
    assert.equal(ws?.pageSetup.printArea?.split(":")[1]?.replace(/\d+$/, ""), "N", "the print area ends at column N");

    const plainOut = path.join(dir, "plain.xlsx");
    const plain = cli(["build", sample, "--period", "2013-01", "--out", plainOut]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal((await JSZip.loadAsync(readFileSync(plainOut))).file(/^xl\/charts\//).length, 0, "no charts unless asked");
  });

  it("titles the workbook with the dashboard and its month, in en-GB, with the author only when --author gives one", async () => {
    const out = path.join(dir, "props.xlsx");
    assert.equal(cli(["build", sample, "--period", "2013-01", "--title", "Customer & Communities", "--out", out]).code, 0);
    const core = (await (await JSZip.loadAsync(readFileSync(out))).file("docProps/core.xml")?.async("string")) ?? "";
    assert.match(core, /<dc:title>Customer &amp; Communities Performance Dashboard, January 2013<\/dc:title>/);
    assert.match(core, /<dc:language>en-GB<\/dc:language>/);
    assert.doesNotMatch(core, /<dc:creator>/, "the author is left for the council");
    const signed = path.join(dir, "signed.xlsx");
    assert.equal(cli(["build", sample, "--period", "2013-01", "--author", "Kent County Council", "--out", signed]).code, 0);
    const signedCore = (await (await JSZip.loadAsync(readFileSync(signed))).file("docProps/core.xml")?.async("string")) ?? "";
    assert.match(signedCore, /<dc:creator>Kent County Council<\/dc:creator>/);
  });

  it("writes the cover report with --docx, and lists it among the files written", () => {
    const docx = path.join(dir, "report", "report.docx");
    const { code, stdout, stderr } = cli(["build", sample, "--period", "2013-01", "--docx", docx, "--json"]);
    assert.equal(code, 0, stderr);
    assert.ok(statSync(docx).size > 5000, "a real document");
    const json = JSON.parse(stdout) as { written: Record<string, string> };
    assert.equal(json.written.docx, docx);
    assert.match(stderr, /report\.docx written/);
    assert.equal(readFileSync(docx).subarray(0, 2).toString(), "PK", "a zip package, as .docx files are");
  });

  it("says clearly that no PDF was written when LibreOffice is missing, and still writes the workbook", () => {
    const out = path.join(dir, "nolo", "dashboard.xlsx");
    const { code, stderr } = cli(["build", sample, "--period", "2013-01", "--out", out, "--pdf"], { KPI_DASHBOARD_SOFFICE: path.join(dir, "no-such-soffice") });
    assert.notEqual(code, 0);
    assert.match(stderr, /LibreOffice \(soffice\) is not installed/);
    assert.ok(existsSync(out));
    assert.doesNotMatch(stderr, /^\s+at /m);
  });

  describe("bad input: one clear line on stderr and a non-zero exit, never a stack trace", () => {
    const cases: { what: string; args: () => string[]; expect: RegExp }[] = [
      { what: "a missing file", args: () => ["build", path.join(dir, "nope.xlsx")], expect: /not found/ },
      {
        what: "a file that is not a workbook",
        args: () => {
          const file = path.join(dir, "notes.xlsx");
          writeFileSync(file, "Ref,Indicator\nCR01,Calls\n");
          return ["build", file];
        },
        expect: /not an Excel workbook/,
      },
      {
        what: "a password-protected workbook",
        args: () => {
          const file = path.join(dir, "locked.xlsx");
          writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
          return ["build", file];
        },
        expect: /password-protected/,
      },
      {
        what: "an output path that cannot be written",
        args: () => {
          const blocker = path.join(dir, "a-file");
          writeFileSync(blocker, "x");
          return ["build", sample, "--out", path.join(blocker, "dashboard.xlsx")];
        },
        expect: /Cannot write/,
      },
      { what: "a bad --period", args: () => ["build", sample, "--period", "2013-13"], expect: /--period must be a month written YYYY-MM/ },
      {
        what: "a --map file that is not JSON",
        args: () => {
          const file = path.join(dir, "map.json");
          writeFileSync(file, "{ sheets: oops");
          return ["build", sample, "--map", file, "--json"];
        },
        expect: /is not valid JSON/,
      },
      {
        what: "a --map file that is not a mapping",
        args: () => {
          const file = path.join(dir, "map2.json");
          writeFileSync(file, JSON.stringify({ sheets: { KPIs: { headerRow: "two" } } }));
          return ["build", sample, "--map", file, "--json"];
        },
        expect: /is not a column mapping at "sheets\.KPIs/,
      },
      { what: "an unknown option", args: () => ["build", sample, "--colour"], expect: /Unknown option/ },
      { what: "an --out that is the input", args: () => ["build", sample, "--out", sample], expect: /input is never overwritten/ },
    ];
    for (const c of cases) {
      it(`rejects ${c.what}`, () => {
        const { code, stderr, stdout } = cli(c.args());
        assert.notEqual(code, 0);
        assert.equal(code !== null && code > 0, true);
        const lines = stderr.split("\n").filter((l) => l.trim().length > 0);
        assert.equal(lines.length, 1, `stderr: ${stderr}`);
        assert.match(lines[0] ?? "", c.expect);
        assert.doesNotMatch(stderr, /^\s+at /m);
        assert.equal(stdout, "");
      });
    }
  });
});

describe("kpi-dashboard build on the rules councils publish", function () {
  this.timeout(180_000);

  it("shows each new rule working on the sample workbook: a monitor-only crime count, a cumulative YTD and a comparator", () => {
    const { code, stdout, stderr } = cli(["build", sample, "--period", "2013-01", "--json"]);
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout) as { indicators: Record<string, unknown>[]; rules: Record<string, unknown>; missingCommentary: unknown[] };
    const monitored = json.indicators.filter((i) => i.rag === "MONITOR");
    assert.equal(monitored.length, 1);
    assert.match(String(monitored[0]?.name), /crime|incidents|offences/i);
    assert.ok(
      json.indicators.some((i) => /already year to date/.test(String((i.ytd as Record<string, unknown> | null)?.aggregationSource ?? ""))),
      "a cumulative YTD",
    );
    assert.ok(
      json.indicators.some((i) => Array.isArray(i.comparisons) && i.comparisons.length > 0),
      "an indicator compared with other councils",
    );
    assert.match(stderr, /\b1 monitor only\b/);
    for (const setting of ["monitorOnly", "exceeded", "trendAlerts", "ytdMinMonths", "comparatorAsTarget", "zeroTargetBand", "listMissingCommentary"])
      assert.ok(setting in json.rules, setting);
    assert.ok(Array.isArray(json.missingCommentary));
  });
});

describe("summaryLine", () => {
  it("mentions exceeded and monitor-only indicators only when there are some", () => {
    const counts = { GREEN: 2, AMBER: 1, RED: 0, NO_DATA: 0, NO_TARGET: 0, MONITOR: 0, EXCEEDED: 0, activity: 0, total: 3 };
    const line = (c: typeof counts) => summaryLine({ summary: { total: c, byServiceArea: [] } } as unknown as Parameters<typeof summaryLine>[0]);
    assert.equal(line(counts), "3 indicators: 2 green, 1 amber, 0 red, 0 no data");
    assert.equal(line({ ...counts, EXCEEDED: 1, MONITOR: 2, total: 6 }), "6 indicators: 1 exceeded, 2 green, 1 amber, 0 red, 0 no data, 2 monitor only");
  });
});
