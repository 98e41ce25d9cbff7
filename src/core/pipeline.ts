import type { Dashboard } from "./dashboard";
import { detectWorkbook, WorkbookDetector } from "./detection";
import type { Grid, ReadingNotes } from "./grid";
import type { HistoryReading } from "./history";
import { layoutDashboard } from "./layout";
import type { WorkbookReading } from "./reading";
import { buildDashboard } from "./rules";
import type { Settings } from "./settings";
import type { SheetPlan } from "./sheet-plan";

/** Everything one build produces, from the grids read to the sheet to write. */
export interface PipelineResult {
  readonly reading: WorkbookReading;
  readonly dashboard: Dashboard;
  readonly plan: SheetPlan;
}

/** Options of a run beyond the settings. */
export interface PipelineOptions {
  /** Give every row its trend (default); false for a host that draws no chart. */
  readonly trends?: boolean;
  /** The reports recorded so far, to compare with the last one (none when absent). */
  readonly history?: HistoryReading;
}

function detectOptions(settings: Settings): { mapping: Settings["mapping"]; yearStartMonth: number; sheets: Settings["sheets"] } {
  return { mapping: settings.mapping, yearStartMonth: settings.rules.yearStartMonth, sheets: settings.sheets };
}

/** The pipeline's first half: the indicators found in the grids, with what was found on each sheet. */
export function readIndicators(grids: readonly Grid[], settings: Settings, notes: ReadingNotes = {}): WorkbookReading {
  return detectWorkbook(grids, { ...detectOptions(settings), notes });
}

/** The first half one sheet at a time, for a host that lets each grid go once read: `addSheet` each grid, then `finish` with the notes. */
export function indicatorDetector(settings: Settings): WorkbookDetector {
  return new WorkbookDetector(detectOptions(settings));
}

/** The pipeline's second half: the indicators rated into the dashboard, and the dashboard laid out. */
export function rateAndLayOut(reading: WorkbookReading, settings: Settings, produced: string, options: PipelineOptions = {}): PipelineResult {
  const dashboard = buildDashboard(reading.indicators, {
    settings,
    cutoff: settings.period,
    produced,
    diagnostics: reading.diagnostics,
    ...(options.trends !== undefined ? { trends: options.trends } : {}),
    ...(options.history ? { history: options.history } : {}),
  });
  const plan = layoutDashboard(dashboard, settings);
  return { reading, dashboard, plan };
}

/**
 * Runs the pure pipeline: grids → indicators → dashboard → sheet plan. Both hosts call this,
 * so the add-in and the command line cannot disagree. A host holding a large workbook can call
 * the two halves itself, letting its grids go in between (the command line does).
 * @param produced - the date the dashboard is produced, YYYY-MM-DD (passed in so the core stays pure)
 * @param history - the reports recorded so far, to compare with the last one (none when absent)
 * @param options - what the host could not read (hidden or too large sheets, formulas without results), and whether rows get their trends
 */
export function runPipeline(
  grids: readonly Grid[],
  settings: Settings,
  produced: string,
  history?: HistoryReading,
  options: PipelineOptions & { readonly notes?: ReadingNotes } = {},
): PipelineResult {
  return rateAndLayOut(readIndicators(grids, settings, options.notes ?? {}), settings, produced, {
    ...(options.trends !== undefined ? { trends: options.trends } : {}),
    ...(history ? { history } : {}),
  });
}
