import type { Dashboard } from "../core/dashboard";
import { detectWorkbook } from "../core/detection";
import type { Grid, UnreadSheet } from "../core/grid";
import { historySheetName, ownerOf, recordSnapshot, reportMonthWords, snapshotOf } from "../core/history";
import { runPipeline } from "../core/pipeline";
import type { WorkbookReading } from "../core/reading";
import type { Settings } from "../core/settings";
import { sheetNameProblem } from "../core/sheet-name";
import type { BuildStep } from "./build-steps";
import { writeSheetPlan } from "./dashboard-writer";
import { describeCause, describeError, errorCode, UserFacingError } from "./errors";
import { isHistorySheet, queueReadHistory, queueWriteHistory, type StoredHistory } from "./history-store";
import { queueReadDashboardRecord, queueReadSettings, queueWriteDashboardRecord, queueWriteSettings, type DashboardRecord } from "./settings-store";
import { planSourceFormatting, queueAddRules, queueDeleteRules, queueScanRules, scanRulesGuarded, type FoundRule } from "./source-formatting";
import {
  isTooLarge,
  queueSheetList,
  queueUsedRanges,
  queueUsedRangeSizes,
  readBlocks,
  readGridsInBlocks,
  type GridCollector,
  type SheetInfo,
} from "./workbook-reader";

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
 * 4. swap, settings, source formatting and (when every build is recorded) the report history. So 3
 *    with named sheets, 4 when every sheet is read. The report history is read in request 1 and
 *    written in the last, so keeping it costs no round trip.
 * The one exception is a read Excel refuses as too large (Excel on the web caps an answer at
 * 5 MB): the sources are then read in row blocks, a round trip each.
 */

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

/** Every dashboard the add-in made (renamed or not), by worksheet id. */
function madeByAddIn(record: DashboardRecord | null): Set<string> {
  return new Set([...(record?.made ?? []), ...(record ? [record.sheetId] : [])]);
}

/** Sources by default: visible worksheets, except every dashboard the add-in made (renamed or not) and the report history. */
function defaultSources(sheets: readonly SheetInfo[], record: DashboardRecord | null): string[] {
  const made = madeByAddIn(record);
  return sheets.filter((s) => s.visibility === "Visible" && !made.has(s.id) && !isHistorySheet(s.name)).map((s) => s.name);
}

/**
 * Hidden and very hidden sheets that are not read: every one the settings do not name, except the
 * add-in's own dashboards. The command line leaves out the same sheets, and both say which.
 */
function hiddenNotRead(sheets: readonly SheetInfo[], record: DashboardRecord | null, named: readonly string[] | null): UnreadSheet[] {
  const made = madeByAddIn(record);
  // The add-in's own report history (a very hidden sheet) is never data, so never "not read".
  return sheets
    .filter((s) => s.visibility !== "Visible" && !made.has(s.id) && !isHistorySheet(s.name) && !(named ?? []).includes(s.name))
    .map((s) => ({ sheet: s.name, reason: "hidden" }));
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
      const settings = saved.settings;
      const list = readList();
      const record = readRecord();
      const hidden = hiddenNotRead(list, record, settings.sheets);
      // Hidden sheets the saved settings name are read as the build will read them.
      const namedHidden = list
        .filter((s) => s.visibility !== "Visible" && (settings.sheets ?? []).includes(s.name) && !madeByAddIn(record).has(s.id))
        .map((s) => s.name);
      const names = [...defaultSources(list, record), ...namedHidden];
      const read = await readGrids(context, names);
      const reading = detectWorkbook(read.grids, {
        mapping: settings.mapping,
        yearStartMonth: settings.rules.yearStartMonth,
        sheets: settings.sheets,
        notes: { unread: [...read.tooLarge, ...hidden] },
      });
      const grids = read.grids;
      return { settings, settingsProblem: saved.problem, sheetNames: names, grids, reading };
    });
  } catch (error) {
    throw friendly(error);
  }
}

/** Reads grids in one round trip, or in blocks when Excel says they are too large (leaving out, and listing, used ranges too large to read at all). */
async function readGrids(context: Excel.RequestContext, names: readonly string[]): Promise<{ grids: Grid[]; tooLarge: UnreadSheet[] }> {
  const collect = queueUsedRanges(context, names);
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    return readGridsInBlocks(context, names);
  }
  const grids = collect();
  return grids ? { grids, tooLarge: [] } : readGridsInBlocks(context, names);
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
  /** When a recorded report is said to be recorded (ISO); now when not given. */
  readonly recordedAt?: string;
}

/** What a build made. */
export interface BuildResult {
  readonly dashboard: Dashboard;
  readonly sheetName: string;
  readonly roundTrips: number;
  /** What did not go as asked, in sentences for the analyst (a sheet not coloured, settings not saved); empty when all did. */
  readonly warnings: readonly string[];
  /** The dashboard sheet's row of each indicator, by id: where the pane's links go. */
  readonly rows: Readonly<Record<string, number>>;
  /** What recording this build in the report history said, when every build is recorded; null when it was not recorded. */
  readonly recorded: string | null;
}

/**
 * Reads the sources, rates them, writes the dashboard on a staging sheet, then swaps it in, saves
 * the settings and (when settings.sourceFormatting) refreshes the RAG rules on the source sheets,
 * in that order in one request. On a failure before the swap, the staging sheet is removed in a
 * fresh `Excel.run`, the workbook is otherwise as it was, and a UserFacingError with a plain
 * message is thrown. When only what comes after the swap fails (Excel runs a request's actions in
 * order and keeps those that ran), the build says exactly that in `warnings` instead.
 */
export async function buildDashboardInExcel(settings: Settings, options: BuildOptions): Promise<BuildResult> {
  const nameProblem = sheetNameProblem(settings.dashboardSheet);
  if (nameProblem)
    throw new UserFacingError(`The dashboard's sheet name "${settings.dashboardSheet}" cannot be used: ${nameProblem} Choose another name in the options.`);
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
      const colouring = settings.sourceFormatting;
      const warnings: string[] = [];

      // 1. The sheet list, the dashboard record and the saved settings, with the sources when their names are known.
      progress("reading");
      const queueMeta = () => ({
        list: queueSheetList(context),
        record: queueReadDashboardRecord(context),
        saved: queueReadSettings(context),
        history: queueReadHistory(context),
      });
      let meta = queueMeta();
      // The report history is never a source, even when named.
      const named = settings.sheets ? settings.sheets.filter((name) => !isHistorySheet(name)) : null;
      const queued = named ? queueSources(context, named, { grids: true, rules: colouring }) : null;
      let failed: unknown = null;
      try {
        await sync();
      } catch (error) {
        // Only the sources' reads can be too large, or hold a rule Excel cannot read: they are asked
        // for again apart, and the list, record and settings go again with the first of those requests.
        if (!queued) throw error;
        failed = error;
      }

      // 2. The sources, when every sheet is read (or again, apart, when the first request could not carry them).
      const sources = named ?? defaultSources(meta.list(), meta.record());
      const read = await readSources(context, sources, colouring, failed === null ? queued : null, failed, () => {
        if (failed !== null) meta = queueMeta();
      });
      roundTrips += read.syncs;
      const sheets = meta.list();
      const record = meta.record();
      const saved = meta.saved();
      const stored: StoredHistory = meta.history();
      for (const sheet of read.unreadable) {
        warnings.push(
          `"${sheet}" was not coloured: Excel could not read the conditional formatting already on it (rules copied in Manage Rules can cause this). Its own rules were left as they were.`,
        );
      }
      for (const sheet of read.locked) warnings.push(`"${sheet}" is protected, so it was not coloured.`);

      progress("rating");
      const unread = [...read.tooLarge, ...hiddenNotRead(sheets, record, named)];
      const { reading, dashboard, plan } = runPipeline(read.grids, settings, options.produced, stored.reading, { notes: { unread } });
      const target = chooseDashboardName(sheets, record, settings.dashboardSheet);
      wantedName = target.name;
      staging = stagingNameFor(sheets);

      // 3. The whole dashboard on the staging sheet.
      progress("writing");
      const ws = context.workbook.worksheets.add(staging);
      ws.load("id");
      roundTrips += await writeSheetPlan(context, ws, plan, options.maxRequestBytes === undefined ? {} : { maxRequestBytes: options.maxRequestBytes });
      await sync();

      // 4. The staging sheet is complete: swap it in, save the record and settings, then colour the sources.
      swapping = true;
      if (target.replaces) {
        const old = context.workbook.worksheets.getItem(target.replaces.id);
        // Excel refuses to delete a VeryHidden sheet (office-js#365): hide it normally first.
        if (target.replaces.visibility === "VeryHidden") old.visibility = "Hidden";
        old.delete();
      }
      ws.name = target.name;
      ws.position = target.replaces ? Math.max(0, sheets.indexOf(target.replaces)) : 0;
      ws.activate();
      const live = new Set(sheets.map((s) => s.id));
      const made = (record?.made ?? []).filter((id) => live.has(id) && id !== target.replaces?.id);
      queueWriteDashboardRecord(context, { sheetId: ws.id, made: [...made, ws.id] });
      // Saved settings this version could not read are never overwritten without the analyst saying so.
      if (saved.problem === null) queueWriteSettings(context, settings);
      else warnings.push(`${saved.problem} They were left as they were, so these choices were not saved; choose “Replace the saved settings” to save them.`);
      let recorded: string | null = null;
      if (settings.recordEveryBuild) {
        // A history that cannot be read is kept as it is: nothing is recorded over it.
        if (stored.reading.problem !== null) warnings.push(`This build was not recorded in the report history: ${stored.reading.problem}`);
        else {
          const recording = recordSnapshot(
            stored.reading.history,
            snapshotOf(dashboard, settings, options.recordedAt ?? new Date().toISOString()),
            ownerOf(dashboard),
          );
          queueWriteHistory(context, stored, recording.history);
          recorded = recordedWords(dashboard.cutoff, recording.history.snapshots.length, recording.notes);
        }
      }
      const skip = new Set([...read.locked, ...read.unreadable]);
      if (read.rules) {
        progress("formatting");
        queueDeleteRules(read.rules.filter((f) => !skip.has(f.sheet)));
        queueAddRules(
          context,
          planSourceFormatting(reading, settings.rules).filter((b) => !skip.has(b.sheet)),
        );
      }
      try {
        await sync();
      } catch (error) {
        if (!read.rules) throw error;
        // The swap and the settings came first in the request; see whether they were made.
        const outcome = await swapOutcome(context, ws, target.name, saved.problem === null ? settings : null);
        roundTrips++;
        if (!outcome.swapped) throw error;
        warnings.push(
          `The new dashboard is in place${outcome.settingsSaved ? " and your settings are saved" : ""}, but colouring the source sheets failed partway: ${describeCause(error)} Choose “Remove colouring now”, then build again to colour them.`,
        );
      }
      progress("done");
      return { dashboard, sheetName: target.name, roundTrips, warnings, rows: plan.indicatorRows ?? {}, recorded };
    });
  } catch (error) {
    if (staging !== null) await cleanUp(staging, swapping ? wantedName : null);
    throw friendly(error);
  }
}

/** "Recorded as the report of January 2013 (3 reports kept)." and what else recording said. */
function recordedWords(cutoff: string, kept: number, notes: readonly string[]): string {
  return [`Recorded as the report of ${reportMonthWords(cutoff)} (${kept} report${kept === 1 ? "" : "s"} kept).`, ...notes].join(" ");
}

/**
 * "Mark as reported": records a dashboard just built as the report the committee was given, in
 * the workbook's report history (two round trips: read the history, write it). A history that
 * cannot be read is kept as it is, and this says why instead of recording. Returns what
 * recording said ("Recorded as the report of January 2013 (3 reports kept).").
 */
export async function markAsReported(dashboard: Dashboard, settings: Settings, recordedAt: string = new Date().toISOString()): Promise<string> {
  try {
    return await Excel.run(async (context) => {
      const read = queueReadHistory(context);
      await context.sync();
      const stored = read();
      if (stored.reading.problem !== null) throw new UserFacingError(`Not recorded: ${stored.reading.problem}`);
      const recording = recordSnapshot(stored.reading.history, snapshotOf(dashboard, settings, recordedAt), ownerOf(dashboard));
      queueWriteHistory(context, stored, recording.history);
      await context.sync();
      return recordedWords(dashboard.cutoff, recording.history.snapshots.length, recording.notes);
    });
  } catch (error) {
    throw friendly(error);
  }
}

/**
 * Clears the report history when the analyst asks: deletes its sheet, whatever it holds (Excel
 * deletes a VeryHidden sheet only once it is made visible or hidden, office-js#365). Returns
 * whether there was one.
 */
export async function clearReportHistory(): Promise<boolean> {
  try {
    return await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(historySheetName);
      await context.sync();
      if (ws.isNullObject) return false;
      ws.visibility = "Hidden";
      ws.delete();
      await context.sync();
      return true;
    });
  } catch (error) {
    throw friendly(error);
  }
}

/** After a failed last request: whether the staging sheet became the dashboard, and whether the settings were saved. */
async function swapOutcome(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  name: string,
  settings: Settings | null,
): Promise<{ swapped: boolean; settingsSaved: boolean }> {
  ws.load("name");
  const readSettings = queueReadSettings(context);
  try {
    await context.sync();
  } catch {
    return { swapped: false, settingsSaved: false };
  }
  const stored = readSettings();
  return {
    swapped: ws.name === name,
    settingsSaved: settings !== null && stored.problem === null && JSON.stringify(stored.settings) === JSON.stringify(settings),
  };
}

/** What the build queues about its source sheets in a read request. */
interface SourceQueue {
  readonly grids: GridCollector | null;
  readonly rules: (() => FoundRule[]) | null;
  readonly locked: (() => Set<string>) | null;
}

/** Queues the sources' used ranges and, for colouring, their rules and protection. */
function queueSources(context: Excel.RequestContext, names: readonly string[], want: { grids: boolean; rules: boolean }): SourceQueue {
  return {
    grids: want.grids ? queueUsedRanges(context, names) : null,
    rules: want.rules ? queueScanRules(context, names) : null,
    locked: want.rules ? queueProtection(context, names) : null,
  };
}

/** The sources as the build needs them. */
interface SourceReading {
  readonly grids: Grid[];
  /** The add-in's rules on the sources, or null when colouring is off. */
  readonly rules: FoundRule[] | null;
  /** Sources whose rules Excel could not read: not coloured. */
  readonly unreadable: string[];
  /** Protected sources: not coloured. */
  readonly locked: string[];
  /** Sources whose used range is too large to read: not read. */
  readonly tooLarge: UnreadSheet[];
  readonly syncs: number;
}

/**
 * Reads the sources: from a request that already carried them (`queued`), else in one of its
 * own. When that request fails, the parts are asked for again apart, so only a part that fails
 * alone fails the build: grids that are too large are read in row blocks (readGridsInBlocks), and
 * rules that cannot be read are looked for sheet by sheet (scanRulesGuarded), skipping the sheets
 * they are on. Neither costs a round trip unless it happens.
 */
async function readSources(
  context: Excel.RequestContext,
  names: readonly string[],
  colouring: boolean,
  queued: SourceQueue | null,
  failed: unknown,
  alsoQueue: () => void,
): Promise<SourceReading> {
  let syncs = 0;
  let error = failed;
  let q = queued;
  if (!q && error === null) {
    q = queueSources(context, names, { grids: true, rules: colouring });
    alsoQueue();
    syncs++;
    try {
      await context.sync();
    } catch (e) {
      error = e;
      q = null;
    }
  }
  if (q && error === null) {
    const grids = q.grids?.() ?? null;
    const blocks = grids ? null : await readGridsInBlocks(context, names);
    return {
      grids: grids ?? blocks?.grids ?? [],
      rules: q.rules?.() ?? null,
      unreadable: [],
      locked: [...(q.locked?.() ?? [])],
      tooLarge: blocks?.tooLarge ?? [],
      syncs: syncs + (blocks?.syncs ?? 0),
    };
  }
  if (!isTooLarge(error) && !colouring) throw error;
  // Apart, in one request: the grids (or, when too large, their sizes for block reading) and the
  // protection; then the blocks, then the rules, guarded sheet by sheet.
  const refused = isTooLarge(error);
  const grid = refused ? null : queueUsedRanges(context, names);
  const sizes = refused ? queueUsedRangeSizes(context, names) : null;
  const locked = colouring ? queueProtection(context, names) : null;
  alsoQueue();
  syncs++;
  await context.sync();
  let grids = grid?.() ?? null;
  let tooLarge: UnreadSheet[] = [];
  if (grids === null) {
    const blocks = sizes ? await readBlocks(context, sizes()) : await readGridsInBlocks(context, names);
    grids = blocks.grids;
    tooLarge = blocks.tooLarge;
    syncs += blocks.syncs;
  }
  if (!colouring) return { grids, rules: null, unreadable: [], locked: [], tooLarge, syncs };
  const scan = await scanRulesGuarded(context, names);
  return { grids, rules: scan.found, unreadable: scan.unreadable, locked: [...(locked?.() ?? [])], tooLarge, syncs: syncs + scan.syncs };
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
      const readProtection = queueProtection(context, names);
      await context.sync();
      const locked = readProtection();
      const scan = await scanRulesGuarded(
        context,
        names.filter((n) => !locked.has(n)),
      );
      const removed = queueDeleteRules(scan.found);
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
