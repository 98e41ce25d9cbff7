/**
 * Run by the benchmark in its own process, so each figure has its own peak memory: one build of
 * the command line ("cli"), or what exceljs alone needs for the same work ("exceljs": read the
 * input with exceljs's ordinary reader, write a sheet of the dashboard's values), or, once per
 * size, the dashboard's values for the second ("values"). Prints the time the work took and the
 * process's peak resident memory; a run that fails (exceljs running out of memory) prints nothing
 * and exits non-zero.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseBuildArgs, runBuild } from "../src/cli/build-command";
import { runPipeline } from "../src/core/pipeline";
import { defaultSettings } from "../src/core/settings";
import { exceljsFloor } from "./exceljs-floor";
import { generateWorkbookGrids } from "./generate";

type Values = (string | number | null)[][];

async function main(): Promise<void> {
  const [mode, input = "", out = "", extra = ""] = process.argv.slice(2);
  const started = performance.now();
  if (mode === "cli") {
    const silent = { stdout: () => undefined, stderr: () => undefined, today: "2013-03-31" };
    const code = await runBuild(parseBuildArgs([input, "--out", out]), silent);
    if (code !== 0) throw new Error(`build exited ${code}`);
  } else if (mode === "exceljs") {
    await exceljsFloor(input, out, JSON.parse(readFileSync(extra, "utf8")) as Values);
  } else if (mode === "values") {
    // input: "indicators,periods"; out: where the values go.
    const [indicators, periods] = input.split(",").map(Number);
    const { plan } = runPipeline(generateWorkbookGrids(indicators ?? 0, periods ?? 36), defaultSettings(), "2013-03-31");
    writeFileSync(out, JSON.stringify(plan.values));
  } else {
    throw new Error(`unknown mode ${mode ?? ""}`);
  }
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
