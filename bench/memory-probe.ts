/**
 * Run in its own process by the benchmark: generates a workbook's grids and, unless told
 * "generate-only", runs the whole engine on them; prints the process's peak resident memory.
 * The difference between the two modes is what the engine itself needs.
 */
import { defaultSettings } from "../src/core/settings";
import { runPipeline } from "../src/core/pipeline";
import { generateWorkbookGrids } from "./generate";

const indicators = Number(process.argv[2] ?? "10000");
const periods = Number(process.argv[3] ?? "36");
const mode = process.argv[4] ?? "pipeline";
const grids = generateWorkbookGrids(indicators, periods);
let count = 0;
if (mode !== "generate-only") count = runPipeline(grids, defaultSettings(), "2013-03-31").dashboard.indicators.length;
process.stdout.write(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, indicators: count }));
