import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "mocha";
import { readWorkbook, readWorkbookGrids, WorkbookReadError } from "../../src/cli/xlsx-reader";
import type { Grid } from "../../src/core/grid";

const fixture = (name: string): string => path.join(__dirname, "..", "fixtures", name);

describe("readWorkbookGrids", () => {
  let grids: Grid[] = [];
  const sheet = (name: string): Grid => {
    const g = grids.find((x) => x.sheet === name);
    assert.ok(g, `sheet ${name} was read`);
    return g;
  };

  before(async () => {
    grids = await readWorkbookGrids(fixture("cells.xlsx"));
  });

  it("reads every worksheet in tab order, hidden ones included", () => {
    assert.deepEqual(
      grids.map((g) => g.sheet),
      ["Cells", "Empty", "Only formatting", "Hidden"],
    );
    assert.deepEqual(sheet("Hidden").values, [["still read"]]);
  });

  it("starts the grid at the top-left used cell, not A1", () => {
    assert.equal(sheet("Cells").origin, "C3");
  });

  it("spans only cells with values, ignoring a cell that is only formatted", () => {
    const g = sheet("Cells");
    assert.equal(g.values.length, 5);
    for (const row of g.values) assert.equal(row.length, 3);
    for (const row of g.numberFormat) assert.equal(row.length, 3);
  });

  it("gives a merged area's value in its top-left cell only", () => {
    assert.deepEqual(sheet("Cells").values[0], ["Merged title", "", ""]);
  });

  it("gives dates as Excel serials (31 Jan 2013 is 41305) with their date format", () => {
    const g = sheet("Cells");
    assert.equal(g.values[1]?.[0], 41305);
    assert.equal(g.numberFormat[1]?.[0], "dd/mm/yyyy");
  });

  it("keeps the time of day as the serial's fraction (1 Apr 2012 noon is 41000.5)", () => {
    assert.equal(sheet("Cells").values[4]?.[0], 41000.5);
  });

  it("keeps a percentage as its fraction with its % format", () => {
    const g = sheet("Cells");
    assert.equal(g.values[1]?.[1], 0.85);
    assert.equal(g.numberFormat[1]?.[1], "0%");
  });

  it("gives a formula's cached result, number or text", () => {
    const g = sheet("Cells");
    assert.equal(g.values[1]?.[2], 1.7);
    assert.equal(g.values[4]?.[2], "ab");
  });

  it("gives rich text and hyperlinks as their plain text, and errors as their text", () => {
    assert.deepEqual(sheet("Cells").values[2], ["Rich text", "Link text", "#N/A"]);
  });

  it("keeps booleans as booleans", () => {
    assert.deepEqual(sheet("Cells").values[3], [true, false, "plain"]);
  });

  it('gives "General" where a cell has no number format', () => {
    assert.equal(sheet("Cells").numberFormat[3]?.[2], "General");
    assert.equal(sheet("Cells").numberFormat[4]?.[1], "#,##0.0");
  });

  it("gives an empty or formatting-only sheet as the 1x1 blank grid at A1, as Office.js does", () => {
    for (const name of ["Empty", "Only formatting"]) {
      assert.deepEqual(sheet(name), { sheet: name, origin: "A1", values: [[""]], numberFormat: [["General"]] });
    }
  });

  it("reads text typed in cells as text, and numbers as numbers", async () => {
    const messy = await readWorkbookGrids(fixture("messy.xlsx"));
    const g = messy[0];
    assert.equal(g?.values[1]?.[2], "72.1%");
    assert.equal(g?.values[19]?.[2], "#N/A");
    assert.equal(g?.values[24]?.[2], 42);
  });

  describe("files it cannot read", () => {
    let dir = "";
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), "xlsx-reader-"));
    });
    after(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    async function failure(file: string): Promise<WorkbookReadError> {
      try {
        await readWorkbookGrids(file);
      } catch (err) {
        assert.ok(err instanceof WorkbookReadError, `expected a WorkbookReadError, got ${String(err)}`);
        assert.ok(!err.message.includes("\n"), "the message is one line");
        return err;
      }
      assert.fail("the read should have failed");
    }

    it("says a missing file was not found", async () => {
      const err = await failure(path.join(dir, "nowhere.xlsx"));
      assert.match(err.message, /not found/);
    });

    it("says a text file named .xlsx is not a workbook", async () => {
      const file = path.join(dir, "data.xlsx");
      await fs.writeFile(file, "Indicator,Apr-12\nBook issues,300\n");
      const err = await failure(file);
      assert.match(err.message, /not an Excel workbook/);
    });

    it("says random bytes are not a workbook", async () => {
      const file = path.join(dir, "random.xlsx");
      await fs.writeFile(file, Buffer.from([0x13, 0x37, 0xbe, 0xef, 0x00, 0xff, 0x42, 0x99]));
      const err = await failure(file);
      assert.match(err.message, /not an Excel workbook/);
    });

    it("says an encrypted (OLE compound) file is password-protected", async () => {
      const file = path.join(dir, "locked.xlsx");
      await fs.writeFile(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
      const err = await failure(file);
      assert.match(err.message, /password-protected/);
    });

    it("says a damaged zip could not be read as a workbook", async () => {
      const file = path.join(dir, "broken.xlsx");
      await fs.writeFile(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
      const err = await failure(file);
      assert.match(err.message, /could not be read/);
    });

    it("says a zip that holds no workbook is not one, instead of reading it as an empty workbook", async () => {
      const err = await failure(fixture("no-workbook.xlsx"));
      assert.match(err.message, /holds no Excel workbook/);
    });

    it("says a workbook with no worksheets has none, instead of reading it as an empty workbook", async () => {
      const err = await failure(fixture("no-sheets.xlsx"));
      assert.match(err.message, /has no worksheets/);
    });

    it("says an empty file is not a workbook", async () => {
      const file = path.join(dir, "empty.xlsx");
      await fs.writeFile(file, "");
      const err = await failure(file);
      assert.match(err.message, /empty/);
    });
  });

  describe("sparse, hidden and uncalculated sheets", () => {
    /** Reads a workbook in a child process with a 128 MB heap (see read-in-child.ts). */
    function readInChild(file: string): { grids: { sheet: string; origin: string; rows: number; far: [number, number, unknown][] }[]; heapUsedBytes: number } {
      const child = spawnSync(process.execPath, ["--max-old-space-size=128", "--import", "tsx", path.join(__dirname, "read-in-child.ts"), file], {
        encoding: "utf8",
        timeout: 60_000,
      });
      assert.equal(child.status, 0, `the read failed: ${child.stderr.slice(0, 500)}`);
      return JSON.parse(child.stdout) as ReturnType<typeof readInChild>;
    }

    it("reads a sheet whose used range runs to XFD1048576 in memory proportional to its cells, the far cell where it is", () => {
      const read = readInChild(fixture("sparse-far.xlsx"));
      const g = read.grids[0];
      assert.equal(g?.origin, "A1");
      assert.equal(g?.rows, 1_048_576);
      assert.deepEqual(g?.far, [[1_048_575, 16_383, "x"]]);
      assert.ok(read.heapUsedBytes < 64 * 1024 * 1024, `${read.heapUsedBytes} bytes of heap`);
    });

    it("reads a sheet whose used range runs to A1048576 in memory proportional to its cells", () => {
      const read = readInChild(fixture("sparse-tall.xlsx"));
      assert.deepEqual(read.grids[0]?.far, [[1_048_575, 0, "stray"]]);
      assert.ok(read.heapUsedBytes < 64 * 1024 * 1024, `${read.heapUsedBytes} bytes of heap`);
    });

    it("does not read a sheet past the cell limit, and names it and its far cell", async () => {
      const read = await readWorkbook(fixture("sparse-far.xlsx"), { maxCells: 10 });
      assert.deepEqual(
        read.grids.map((g) => g.sheet),
        [],
      );
      assert.deepEqual(read.notes.unread, [{ sheet: "KPIs", reason: "too-large", farCell: "XFD1048576", cells: 25, limit: 10 }]);
    });

    it("leaves hidden and very hidden sheets out unless asked for, and says which it left out", async () => {
      const read = await readWorkbook(fixture("hidden-sheets.xlsx"));
      assert.deepEqual(
        read.grids.map((g) => g.sheet),
        ["KPIs"],
      );
      assert.deepEqual(read.notes.unread, [
        { sheet: "Old KPIs", reason: "hidden" },
        { sheet: "Lookup", reason: "hidden" },
      ]);
      const asked = await readWorkbook(fixture("hidden-sheets.xlsx"), { sheets: ["Old KPIs"] });
      assert.deepEqual(
        asked.grids.map((g) => g.sheet),
        ["KPIs", "Old KPIs"],
      );
      assert.deepEqual(asked.notes.unread, [{ sheet: "Lookup", reason: "hidden" }]);
    });

    it("counts the formulas saved without a result on each sheet, naming the first", async () => {
      const read = await readWorkbook(fixture("uncalculated.xlsx"));
      assert.deepEqual(read.notes.uncalculated, [{ sheet: "KPIs", cells: 5, first: "A2" }]);
      const g = read.grids[0];
      assert.equal(g?.values[1]?.[0] ?? "", "", "a formula without a result reads as empty, as nothing else can be known");
    });
  });
});
