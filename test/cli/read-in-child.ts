/**
 * Run by the reader's tests in a child process with a small heap: reads a workbook with
 * `readWorkbookGrids` and prints, as JSON, each grid's shape and the cells it holds that are far
 * from A1, with the heap used. A reader that allocates the whole used range runs out of memory
 * here instead of in the test runner.
 */
import { readWorkbookGrids } from "../../src/cli/xlsx-reader";

async function main(): Promise<void> {
  const file = process.argv[2] ?? "";
  const grids = await readWorkbookGrids(file);
  const summary = grids.map((g) => {
    const far: [number, number, unknown][] = [];
    g.values.forEach((row, r) => {
      if (!row) return;
      // for...in visits only the cells a sparse row holds.
      for (const key in row) {
        const c = Number(key);
        if (r > 1000 || c > 1000) far.push([r, c, row[c]]);
      }
    });
    return { sheet: g.sheet, origin: g.origin, rows: g.values.length, far };
  });
  process.stdout.write(JSON.stringify({ grids: summary, heapUsedBytes: process.memoryUsage().heapUsed }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
