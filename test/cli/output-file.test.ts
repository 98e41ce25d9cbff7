import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sameFile, writeFileAtomically } from "../../src/cli/output-file";

describe("writeFileAtomically", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "output-file-"));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("replaces the file only once the new one is complete", async () => {
    const target = path.join(dir, "dashboard.xlsx");
    await fs.writeFile(target, "old dashboard");
    await writeFileAtomically(target, async (temp) => {
      assert.notEqual(temp, target);
      assert.equal(path.dirname(temp), dir, "the temporary file is beside the target, so the rename cannot cross devices");
      await fs.writeFile(temp, "new dashboard");
      assert.equal(await fs.readFile(target, "utf8"), "old dashboard", "the old file is whole while the new one is written");
    });
    assert.equal(await fs.readFile(target, "utf8"), "new dashboard");
    assert.deepEqual(await fs.readdir(dir), ["dashboard.xlsx"]);
  });

  it("keeps the old output whole, and leaves no temporary file, when writing fails partway", async () => {
    const target = path.join(dir, "dashboard.xlsx");
    await fs.writeFile(target, "old dashboard");
    await assert.rejects(
      writeFileAtomically(target, async (temp) => {
        await fs.writeFile(temp, "half a dash");
        throw new Error("disk full");
      }),
      /disk full/,
    );
    assert.equal(await fs.readFile(target, "utf8"), "old dashboard");
    assert.deepEqual(await fs.readdir(dir), ["dashboard.xlsx"]);
  });

  it("leaves no output at all when the first write fails partway", async () => {
    const target = path.join(dir, "dashboard.xlsx");
    await assert.rejects(
      writeFileAtomically(target, async (temp) => {
        await fs.writeFile(temp, "half");
        throw new Error("interrupted");
      }),
    );
    assert.deepEqual(await fs.readdir(dir), []);
  });
});

describe("sameFile", () => {
  let dir = "";
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "same-file-"));
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("knows a file under a symbolic link, a hard link, a relative path or another spelling as the same file", async () => {
    const input = path.join(dir, "input.xlsx");
    await fs.writeFile(input, "x");
    await fs.symlink(input, path.join(dir, "soft.xlsx"));
    await fs.link(input, path.join(dir, "hard.xlsx"));
    for (const other of ["soft.xlsx", "hard.xlsx", "./input.xlsx", "../" + path.basename(dir) + "/input.xlsx"]) {
      assert.equal(await sameFile(input, path.join(dir, other)), true, other);
    }
  });

  it("knows a different file, or one that does not exist yet, as not the same", async () => {
    const input = path.join(dir, "a.xlsx");
    await fs.writeFile(input, "x");
    await fs.writeFile(path.join(dir, "b.xlsx"), "x");
    assert.equal(await sameFile(input, path.join(dir, "b.xlsx")), false);
    assert.equal(await sameFile(input, path.join(dir, "new.xlsx")), false);
  });
});
