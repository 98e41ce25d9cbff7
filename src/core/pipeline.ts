import type { Dashboard } from "./dashboard";
import { detectWorkbook } from "./detection";
import type { Grid } from "./grid";
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

/**
 * Runs the pure pipeline: grids → indicators → dashboard → sheet plan. Both hosts call this,
 * so the add-in and the command line cannot disagree.
 * @param produced - the date the dashboard is produced, YYYY-MM-DD (passed in so the core stays pure)
 * @param history - the reports recorded so far, to compare with the last one (none when absent)
 */
export function runPipeline(grids: readonly Grid[], settings: Settings, produced: string, history?: HistoryReading): PipelineResult {
  const reading = detectWorkbook(grids, {
    mapping: settings.mapping,
    yearStartMonth: settings.rules.yearStartMonth,
    sheets: settings.sheets,
  });
  const dashboard = buildDashboard(reading.indicators, {
    settings,
    cutoff: settings.period,
    produced,
    diagnostics: reading.diagnostics,
    ...(history ? { history } : {}),
  });
  const plan = layoutDashboard(dashboard, settings);
  return { reading, dashboard, plan };
}
