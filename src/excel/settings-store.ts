import { defaultSettings, parseSettings, type Settings } from "../core/settings";

/**
 * The add-in's settings and bookkeeping, saved in the workbook with `context.workbook.settings`
 * (ExcelApi 1.4: per file and add-in). Each value is a JSON string under one key, parsed with zod
 * on the way back, so an old or hand-edited value gives a message instead of a crash.
 *
 * The functions named `queue…` only queue commands on a context and return a reader to call after
 * the caller's `sync()`: the build folds them into its own round trips.
 */

/** Key of the dashboard settings (column mapping, sheets chosen, options). */
export const settingsKey = "kpiDashboard.settings";
/** Key of the record of the dashboard sheet the add-in made (so a user's own sheet is never replaced). */
export const dashboardRecordKey = "kpiDashboard.dashboardSheet";

/** Settings as found in the workbook. */
export interface SavedSettings {
  readonly settings: Settings;
  /** Why the saved value could not be used (the defaults are returned instead), or null. */
  readonly problem: string | null;
  /** True when the workbook held a usable value. */
  readonly saved: boolean;
}

/** The dashboard sheets the add-in made, by worksheet id (ids survive renames). */
export interface DashboardRecord {
  /** The current dashboard: the one a build replaces. */
  readonly sheetId: string;
  /** Every dashboard the add-in made that still exists (older ones the analyst kept, renamed or not): never read as data. */
  readonly made: readonly string[];
}

function fromJson(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== "string") return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Reads a stored settings value: the settings, or the defaults and a sentence saying what was wrong. */
export function settingsFromStored(value: unknown): SavedSettings {
  if (value === null || value === undefined) return { settings: defaultSettings(), problem: null, saved: false };
  const json = fromJson(value);
  if (!json.ok) {
    return {
      settings: defaultSettings(),
      problem: "The saved settings in this workbook are damaged (not valid JSON); the defaults are used until you save again.",
      saved: false,
    };
  }
  const parsed = parseSettings(json.value);
  if (parsed.ok) return { settings: parsed.settings, problem: null, saved: true };
  return { settings: defaultSettings(), problem: `${parsed.message} The defaults are used until you save again.`, saved: false };
}

/** Reads a stored dashboard record, or null when absent or unusable. */
export function dashboardRecordFromStored(value: unknown): DashboardRecord | null {
  const json = fromJson(value);
  if (!json.ok || typeof json.value !== "object" || json.value === null) return null;
  const { sheetId, made } = json.value as { sheetId?: unknown; made?: unknown };
  if (typeof sheetId !== "string" || sheetId.length === 0) return null;
  // Records written before `made` existed name only the current dashboard.
  const ids = Array.isArray(made) ? made.filter((id): id is string => typeof id === "string") : [];
  return { sheetId, made: ids.includes(sheetId) ? ids : [...ids, sheetId] };
}

/** Queues reading a setting's value; the returned function gives it (or null when absent) after sync. */
function queueReadValue(context: Excel.RequestContext, key: string): () => unknown {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  // Read only after the caller's sync: the rule cannot see a sync that happens outside this function.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
  return () => (item.isNullObject ? null : (item.value as unknown));
}

/** Queues reading the saved settings; call the result after the next sync. */
export function queueReadSettings(context: Excel.RequestContext): () => SavedSettings {
  const read = queueReadValue(context, settingsKey);
  return () => settingsFromStored(read());
}

/** Queues reading the dashboard record; call the result after the next sync. */
export function queueReadDashboardRecord(context: Excel.RequestContext): () => DashboardRecord | null {
  const read = queueReadValue(context, dashboardRecordKey);
  return () => dashboardRecordFromStored(read());
}

/** Queues saving the settings (as JSON text under one key). */
export function queueWriteSettings(context: Excel.RequestContext, settings: Settings): void {
  context.workbook.settings.add(settingsKey, JSON.stringify(settings));
}

/** Queues saving the dashboard record. */
export function queueWriteDashboardRecord(context: Excel.RequestContext, record: DashboardRecord): void {
  context.workbook.settings.add(dashboardRecordKey, JSON.stringify(record));
}
