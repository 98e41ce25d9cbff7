import type { Dashboard } from "../core/dashboard";
import { detectWorkbook } from "../core/detection";
import type { Grid } from "../core/grid";
import { runPipeline } from "../core/pipeline";
import type { WorkbookReading } from "../core/reading";
import type { Settings } from "../core/settings";
import { writeSheetPlan } from "./dashboard-writer";
import { describeError, errorCode, UserFacingError } from "./errors";
import {
  queueReadDashboardRecord,
  queueReadSettings,
  queueWriteDashboardRecord,
  queueWriteSettings,
  type DashboardRecord,
} from "./settings-store";
import { planSourceFormatting, queueAddRules, queueDeleteRules, queueScanRules } from "./source-formatting";
import { isTooLarge, queueSheetList, queueUsedRanges, readGridsInBlocks, type GridCollector, type SheetInfo } from "./workbook-reader";

/**
 * The use cases the task pane calls, each one `Excel.run`.
 *
 * A build never leaves half a dashboard: it is written to a staging sheet, and only after that
 * request succeeded is the previous dashboard deleted and the staging sheet renamed in its place.
 * A sheet with the dashboard's name that the add-in did not make is never deleted or overwritten:
 * the add-in remembers its dashboard by worksheet id in the workbook settings, and when a sheet
 * with the wanted name is not that one, the dashboard goes to "Dashboard (2)" (then "(3)", ...).
 * An old dashboard the user renamed is left alone as well (it has become their copy).
 *
 * Round trips of a build, the same for 10 or 10,000 indicators (the writer splits only past 4 MB):
 * 1. sheet list + dashboard record (+ used ranges, rule scan and protection when settings.sheets
 *    names the sheets); 2. used ranges etc. when it does not; 3. the staging sheet, written whole;
 * 4. swap, settings and source formatting. So 3 with named sheets, 4 when every sheet is read.
 * The one exception is a read Excel refuses as too large (Excel on the web caps an answer at
 * 5 MB): the sources are then read in row blocks, a round trip each.
 */

/** A step of a build, reported as it starts. */
export type BuildStep = "reading" | "rating" | "writing" | "formatting" | "done";

const unsupportedMessage =
  "This version of Excel is too old for the add-in, which needs the Excel JavaScript API 1.9. Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.";

/** Whether this Excel supports what the add-in uses (ExcelApi 1.9), with a plain message when not. */
export function checkSupport(): { supported: boolean; message: string | null } {
  let supported: boolean;
  try {
    supported = typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", "1.9");
  } catch {
    supported = false;
  }
  return supported ? { supported: true, message: null } : { supported: false, message: unsupportedMessage };
}

/** Sources by default: visible worksheets, except the add-in's own dashboard. */
function defaultSources(sheets: readonly SheetInfo[], record: DashboardRecord | null): string[] {
  return sheets.filter((s) => s.visibility === "Visible" && s.id !== record?.sheetId).map((s) => s.name);
}

/** What `inspectWorkbook` finds when the pane opens. */
export interface WorkbookInspection {
  readonly settings: Settings;
  readonly settingsProblem: string | null;
  readonly sheetNames: string[];
  readonly grids: Grid[];
  readonly reading: WorkbookReading;
}

/** On pane open: saved settings, the sheet list, every source sheet's used range and what detection finds there. Two round trips. */
export async function inspectWorkbook(): Promise<WorkbookInspection> {
  try {
    return await Excel.run(async (context) => {
      const readSettings = queueReadSettings(context);
      const readList = queueSheetList(context);
      const readRecord = queueReadDashboardRecord(context);
      await context.sync();
      const saved = readSettings();
      const names = defaultSources(readList(), readRecord());
      const grids = await readGrids(context, names);
      const settings = saved.settings;
      const reading = detectWorkbook(grids, {
        mapping: settings.mapping,
        yearStartMonth: settings.rules.yearStartMonth,
        sheets: settings.sheets,
      });
      return { settings, settingsProblem: saved.problem, sheetNames: names, grids, reading };
    });
  } catch (error) {
    throw friendly(error);
  }
}

/** Reads grids in one round trip, or in blocks when Excel says they are too large. */
async function readGrids(context: Excel.RequestContext, names: readonly string[]): Promise<Grid[]> {
  const collect = queueUsedRanges(context, names);
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    return (await readGridsInBlocks(context, names)).grids;
  }
  return collect() ?? (await readGridsInBlocks(context, names)).grids;
}

function friendly(error: unknown): UserFacingError {
  return error instanceof UserFacingError ? error : new UserFacingError(describeError(error), errorCode(error));
}

/** The dashboard's sheet name: the wanted one unless a sheet of that name is not the add-in's. */
export function chooseDashboardName(
  sheets: readonly SheetInfo[],
  record: DashboardRecord | null,
  wanted: string,
): { name: string; replaces: SheetInfo | null } {
  for (let n = 1; n < 100; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    const existing = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!existing) return { name, replaces: null };
    if (record && existing.id === record.sheetId) return { name, replaces: existing };
  }
  throw new UserFacingError(`Too many sheets are named like "${wanted}". Rename or delete some, or choose another dashboard name.`);
}

function stagingNameFor(sheets: readonly SheetInfo[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? "Dashboard (building)" : `Dashboard (building ${n})`;
    if (!sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return name;
  }
}

/** Options of `buildDashboardInExcel`. */
export interface BuildOptions {
  /** Date produced, YYYY-MM-DD (the pane passes today's local date). */
  readonly produced: string;
  readonly onProgress?: (step: BuildStep) => void;
  /** Request budget for the writer in bytes (tests use less to exercise splitting). */
  readonly maxRequestBytes?: number;
}

/** What a build made. */
export interface BuildResult {
  readonly dashboard: Dashboard;
  readonly sheetName: string;
  readonly roundTrips: number;
}

/**
 * Reads the sources, rates them, writes the dashboard on a staging sheet, then swaps it in and
 * (when settings.sourceFormatting) refreshes the RAG rules on the source sheets. On failure the
 * staging sheet is removed in a fresh `Excel.run`, the workbook is otherwise as it was, and a
 * UserFacingError with a plain message is thrown.
 */
export async function buildDashboardInExcel(settings: Settings, options: BuildOptions): Promise<BuildResult> {
  const progress = options.onProgress ?? ((): void => undefined);
  let staging: string | null = null;
  let wantedName: string | null = null;
  let swapping = false;
  try {
    return await Excel.run(async (context) => {
      let roundTrips = 0;
      const sync = async (): Promise<void> => {
        roundTrips++;
        await context.sync();
      };
      const queueSources = (list: readonly string[], withGrids: boolean): SourceReads => ({
        collect: withGrids ? queueUsedRanges(context, list) : null,
        scan: settings.sourceFormatting ? queueScanRules(context, list) : null,
        locked: settings.sourceFormatting ? queueProtection(context, list) : null,
      });

      // 1. The sheet list and the dashboard record, with the sources when their names are known.
      progress("reading");
      let readList = queueSheetList(context);
      let readRecord = queueReadDashboardRecord(context);
      let sources: readonly string[] | null = settings.sheets;
      let reads: SourceReads | null = sources ? queueSources(sources, true) : null;
      let tooLarge = false;
      try {
        await sync();
      } catch (error) {
        if (!isTooLarge(error) || !sources) throw error;
        tooLarge = true;
        readList = queueSheetList(context);
        readRecord = queueReadDashboardRecord(context);
        reads = queueSources(sources, false);
        await sync();
      }
      const sheets = readList();
      const record = readRecord();

      // 2. The sources, when every sheet is read.
      if (!sources || !reads) {
        sources = defaultSources(sheets, record);
        reads = queueSources(sources, true);
        try {
          await sync();
        } catch (error) {
          if (!isTooLarge(error)) throw error;
          tooLarge = true;
          reads = queueSources(sources, false);
          // Only the source-formatting reads are left to send; without them there is nothing to sync.
          if (reads.scan || reads.locked) await sync();
        }
      }
      let grids = tooLarge ? null : (reads.collect?.() ?? null);
      if (grids === null) {
        const blocks = await readGridsInBlocks(context, sources);
        grids = blocks.grids;
        roundTrips += blocks.syncs;
      }

      progress("rating");
      const { reading, dashboard, plan } = runPipeline(grids, settings, options.produced);
      const target = chooseDashboardName(sheets, record, settings.dashboardSheet);
      wantedName = target.name;
      staging = stagingNameFor(sheets);

      // 3. The whole dashboard on the staging sheet (plus the formulas of the rules found).
      progress("writing");
      const ws = context.workbook.worksheets.add(staging);
      ws.load("id");
      roundTrips += await writeSheetPlan(context, ws, plan, options.maxRequestBytes === undefined ? {} : { maxRequestBytes: options.maxRequestBytes });
      const findAddinRules = reads.scan?.() ?? null;
      const locked = reads.locked?.() ?? new Set<string>();
      await sync();

      // 4. The staging sheet is complete: swap it in, then refresh the source sheets' rules.
      swapping = true;
      if (target.replaces) context.workbook.worksheets.getItem(target.replaces.name).delete();
      ws.name = target.name;
      ws.position = target.replaces ? Math.max(0, sheets.indexOf(target.replaces)) : 0;
      ws.activate();
      queueWriteDashboardRecord(context, { sheetId: ws.id });
      queueWriteSettings(context, settings);
      if (findAddinRules) {
        progress("formatting");
        queueDeleteRules(findAddinRules().filter((f) => !locked.has(f.sheet)));
        queueAddRules(
          context,
          planSourceFormatting(reading, settings.rules).filter((b) => !locked.has(b.sheet)),
        );
      }
      await sync();
      progress("done");
      return { dashboard, sheetName: target.name, roundTrips };
    });
  } catch (error) {
    if (staging !== null) await cleanUp(staging, swapping ? wantedName : null);
    throw friendly(error);
  }
}

/** What the build queues about its source sheets in the read request. */
interface SourceReads {
  readonly collect: GridCollector | null;
  readonly scan: ReturnType<typeof queueScanRules> | null;
  readonly locked: (() => Set<string>) | null;
}

/** Queues reading which of the sheets are protected; the result gives their names after sync. */
function queueProtection(context: Excel.RequestContext, names: readonly string[]): () => Set<string> {
  const reads = names.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.protection.load("protected");
    return { name, ws };
  });
  return () => new Set(reads.filter(({ ws }) => !ws.isNullObject && ws.protection.protected).map(({ name }) => name));
}

/**
 * After a failed build: removes the staging sheet, leaving the workbook as it was. When the
 * failure came after the old dashboard was deleted but before the new one was renamed, the
 * staging sheet is renamed instead, so the workbook is not left without a dashboard.
 */
async function cleanUp(staging: string, wanted: string | null): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(staging);
      const taken = wanted ? context.workbook.worksheets.getItemOrNullObject(wanted) : null;
      await context.sync();
      if (ws.isNullObject) return;
      if (wanted && taken?.isNullObject) ws.name = wanted;
      else ws.delete();
      await context.sync();
    });
  } catch {
    // The original error matters more to the analyst than a failed clean-up.
  }
}

/** Activates the sheet and selects the cell ("go to source"). */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    throw friendly(error);
  }
}

/** Removes the RAG rules the add-in added to worksheets (and none of the user's); returns how many. */
export async function removeSourceFormatting(): Promise<number> {
  try {
    return await Excel.run(async (context) => {
      const readList = queueSheetList(context);
      await context.sync();
      const names = readList().map((s) => s.name);
      const scan = queueScanRules(context, names);
      const readProtection = queueProtection(context, names);
      await context.sync();
      const found = scan();
      const locked = readProtection();
      await context.sync();
      const rules = found().filter((f) => !locked.has(f.sheet));
      const removed = queueDeleteRules(rules);
      await context.sync();
      return removed;
    });
  } catch (error) {
    throw friendly(error);
  }
}

/** Saves the settings in the workbook (one round trip). */
export async function saveSettingsToWorkbook(settings: Settings): Promise<void> {
  try {
    await Excel.run(async (context) => {
      queueWriteSettings(context, settings);
      await context.sync();
    });
  } catch (error) {
    throw friendly(error);
  }
}
