/**
 * Run by the benchmark in its own process: reads one workbook with the command line's reader
 * (and, unless told "read-only", finds its indicators), and prints the time taken and the
 * process's peak resident memory, so one measurement cannot inflate the next.
 */
import { performance } from "node:perf_hooks";
import { readWorkbook } from "../src/cli/xlsx-reader";
import { detectWorkbook } from "../src/core/detection";

async function main(): Promise<void> {
  const file = process.argv[2] ?? "";
  const mode = process.argv[3] ?? "detect";
  const started = performance.now();
  const read = await readWorkbook(file);
  const readMs = performance.now() - started;
  const indicators = mode === "read-only" ? null : detectWorkbook(read.grids, { yearStartMonth: 4, notes: read.notes }).indicators.length;
  const totalMs = performance.now() - started;
  process.stdout.write(
    JSON.stringify({
      readMs,
      totalMs,
      indicators,
      grids: read.grids.length,
      unread: read.notes.unread.length,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
