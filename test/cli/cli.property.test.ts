import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { parseBuildArgs, runBuild, UsageError, type BuildOptions } from "../../src/cli/build-command";
import { WorkbookReadError } from "../../src/cli/xlsx-reader";
import { parseAddress } from "../../src/core/a1";

/**
 * The command line's reader and writer on random .xlsx files: random shapes (a block of cells,
 * and cells anywhere up to XFD1048576), random cell types (numbers, text that disguises itself or
 * looks like a formula, booleans, dates, errors, formulas with and without results, rich text,
 * links), hidden sheets, merges, and outputs that are the input under another name. Whatever the
 * file: never a crash or a trace, memory bounded, the input's bytes as they were, and every
 * diagnostic names a sheet of the workbook and a cell inside that sheet's cells.
 */

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "kpi-dashboard.cjs");

const HEADER_WORDS = ["Ref", "Indicator", "Polarity", "Target", "Floor", "Actual", "Month", "Commentary", "Service Area", "Expected", "Lower threshold"];
const PERIOD_WORDS = ["Apr-12", "May 2012", "Q1 2012/13", "2012/13", "12 months to Dec 2012", "Jan-13"];
const TEXT_WORDS = [
  "Higher",
  "Lower is worse",
  "n/a",
  "72.1%",
  "£2.5m",
  "\u200bCR01",
  "Complaints \u202eupheld",
  "\tOn track",
  "\r=1+1",
  "=SUM(A1:A2)",
  "+5",
  "@name",
  "-",
  "TBC",
  "",
];
const FORMATS = ["General", "0%", "0.0%", "#,##0", "£#,##0", "mmm-yy", "dd/mm/yyyy", "mm:ss", "@"];
const SHEET_NAMES = ["KPIs", "Activity", "Notes", "Hidden stuff", "Rolling 12"];

type Value = ExcelJS.CellValue;

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.integer({ min: 0, max: 50_000 }),
  fc.constantFrom<Value>(...HEADER_WORDS, ...PERIOD_WORDS, ...TEXT_WORDS),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }),
  fc.constantFrom<Value>({ error: "#N/A" }, { error: "#DIV/0!" }, { error: "#REF!" }),
  fc.record({ formula: fc.constant("A1*2"), result: fc.oneof(fc.integer(), fc.constant("text result")) }) as fc.Arbitrary<Value>,
  fc.constant({ formula: "B2/C2" } as Value),
  fc.constant({ richText: [{ text: "Rich " }, { font: { bold: true }, text: "text" }] } as Value),
  fc.constant({ text: "Link text", hyperlink: "https://example.org" } as Value),
);

/** A row and column: mostly in a small block near A1, sometimes anywhere on the sheet (a huge, sparse used range). */
const placeArb = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 10 })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 })) },
  { weight: 1, arbitrary: fc.constantFrom<[number, number]>([1_048_576, 16_384], [1_048_576, 1], [1, 16_384]) },
);

const sheetArb = fc.record({
  name: fc.constantFrom(...SHEET_NAMES),
  state: fc.constantFrom<"visible" | "hidden" | "veryHidden">("visible", "visible", "visible", "hidden", "veryHidden"),
  header: fc.option(fc.uniqueArray(fc.constantFrom(...HEADER_WORDS, ...PERIOD_WORDS), { minLength: 2, maxLength: 8 }), { nil: null }),
  cells: fc.array(fc.record({ at: placeArb, value: valueArb, format: fc.constantFrom(...FORMATS) }), { maxLength: 60 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
    maxLength: 3,
  }),
});

const workbookArb = fc.record({
  sheets: fc.uniqueArray(sheetArb, { minLength: 1, maxLength: 3, selector: (s) => s.name }),
  out: fc.constantFrom("fresh", "fresh", "symbolic link", "hard link", "same path"),
});

type Workbook = typeof workbookArb extends fc.Arbitrary<infer T> ? T : never;

/** The cells each sheet was given, as 0-based bounds, to check diagnostics against. */
type Bounds = Map<string, { top: number; left: number; bottom: number; right: number }>;

async function writeWorkbook(file: string, model: Workbook): Promise<Bounds> {
  const wb = new ExcelJS.Workbook();
  const bounds: Bounds = new Map();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.state = sheet.state;
    const b = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
    const place = (row: number, col: number): void => {
      b.top = Math.min(b.top, row - 1);
      b.left = Math.min(b.left, col - 1);
      b.bottom = Math.max(b.bottom, row - 1);
      b.right = Math.max(b.right, col - 1);
    };
    sheet.header?.forEach((word, i) => {
      ws.getCell(1, i + 1).value = word;
      place(1, i + 1);
    });
    for (const { at, value, format } of sheet.cells) {
      const cell = ws.getCell(at[0], at[1]);
      cell.value = value;
      if (format !== "General") cell.numFmt = format;
      place(at[0], at[1]);
    }
    for (const [row, col, down, across] of sheet.merges) {
      try {
        ws.mergeCells(row, col, row + down, col + across);
        place(row, col);
        place(row + down, col + across);
      } catch {
        // Overlapping merges are refused by exceljs as by Excel; the sheet simply has fewer.
      }
    }
    bounds.set(sheet.name, b);
  }
  await wb.xlsx.writeFile(file);
  return bounds;
}

interface Outcome {
  readonly code: number | "refused";
  readonly stdout: string;
  readonly stderr: string;
}

async function build(options: BuildOptions): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), today: "2013-03-31" };
  try {
    return { code: await runBuild(options, io), stdout, stderr };
  } catch (error) {
    // What the command line turns into one line and exit code 2; anything else is a crash.
    if (error instanceof UsageError || error instanceof WorkbookReadError) return { code: "refused", stdout, stderr: `${stderr}${error.message}\n` };
    throw error;
  }
}

function assertDiagnosticsInside(json: string, bounds: Bounds): void {
  const out = JSON.parse(json) as { diagnostics: { sheet: string | null; cell: string | null; message: string }[] };
  for (const d of out.diagnostics) {
    if (d.sheet === null) {
      assert.equal(d.cell, null, d.message);
      continue;
    }
    const b = bounds.get(d.sheet);
    assert.ok(b, `a diagnostic names a sheet of the workbook: ${d.sheet}`);
    if (d.cell === null) continue;
    const p = parseAddress(d.cell);
    assert.ok(p, `the cell is an A1 address: ${d.cell}`);
    assert.ok(p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right, `${d.sheet}!${d.cell} is inside the sheet's cells (${d.message})`);
  }
}

describe("the command line on random workbooks", function () {
  this.timeout(300_000);
  let dir = "";
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kpi-property-"));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("never crashes or traces, keeps memory bounded and the input's bytes, refuses every output that is the input, and names cells inside the sheets", async () => {
    let n = 0;
    let peakHeap = 0;
    await fc.assert(
      fc.asyncProperty(workbookArb, async (model) => {
        n++;
        const input = path.join(dir, `input-${n}.xlsx`);
        const bounds = await writeWorkbook(input, model);
        const before = readFileSync(input);
        let out = path.join(dir, `out-${n}.xlsx`);
        if (model.out === "symbolic link") symlinkSync(input, out);
        else if (model.out === "hard link") linkSync(input, out);
        else if (model.out === "same path") out = path.join(dir, ".", `input-${n}.xlsx`);
        const options: BuildOptions = parseBuildArgs([input, "--out", out, "--json"]);
        const outcome = await build(options);
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        assert.doesNotMatch(outcome.stderr, /^\s+at /m, outcome.stderr);
        assert.ok(readFileSync(input).equals(before), "the input's bytes are as they were");
        if (model.out !== "fresh") {
          assert.equal(outcome.code, "refused", `an output that is the input (${model.out}) is refused`);
          return;
        }
        assert.ok(outcome.code === 0 || outcome.code === 3, `exit code ${String(outcome.code)}: ${outcome.stderr}`);
        assert.equal(readFileSync(out).subarray(0, 2).toString("latin1"), "PK", "the output is a whole .xlsx (a zip)");
        assertDiagnosticsInside(outcome.stdout, bounds);
      }),
      { numRuns: 40 },
    );
    // A reader that allocated used ranges would need gigabytes for the cells at XFD1048576.
    assert.ok(peakHeap < 1024 * 1024 * 1024, `peak heap ${peakHeap} bytes`);
  });

  it("reads random workbooks with cells at the sheet's far corners through the bin, in a 200 MB heap", async () => {
    const samples = fc.sample(workbookArb, { numRuns: 3, seed: 1213 });
    for (const [i, sample] of samples.entries()) {
      const model: Workbook = {
        ...sample,
        sheets: sample.sheets.map((s, j) =>
          j === 0
            ? { ...s, state: "visible" as const, cells: [...s.cells, { at: [1_048_576, 16_384] as [number, number], value: "x", format: "General" }] }
            : s,
        ),
      };
      const input = path.join(dir, `bin-${i}.xlsx`);
      await writeWorkbook(input, model);
      const run = spawnSync(process.execPath, ["--max-old-space-size=200", bin, "build", input, "--out", path.join(dir, `bin-out-${i}.xlsx`)], {
        encoding: "utf8",
        timeout: 120_000,
      });
      assert.ok(run.status === 0 || run.status === 3, `exit ${String(run.status)}: ${run.stderr.slice(0, 1000)}`);
      assert.doesNotMatch(run.stderr, /^\s+at |heap out of memory/m);
    }
  });
});
