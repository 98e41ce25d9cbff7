/**
 * What the pane says and decides, as plain functions of the core's data: the words of the
 * summary, which months can be reported, which sheets are included. No DOM here, so it is
 * tested in node.
 */
import type { RagCounts } from "../core/dashboard";
import type { Indicator } from "../core/indicator";
import type { SheetReading } from "../core/reading";
import { monthLongName, monthNumberOf } from "../core/calendar";
import type { Settings, SheetMapping } from "../core/settings";

/** "2013-01" → "January 2013"; anything else is returned unchanged. */
export function monthLabel(month: string): string {
  const n = /^\d{4}-\d{2}$/.test(month) ? monthNumberOf(month) : null;
  return n === null ? month : monthLongName(n);
}

/** Counts a noun: plural(1, "KPI") → "1 KPI", plural(3, "KPI") → "3 KPIs". */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/**
 * The one-line result of a build, as the analyst reads it.
 * @example ragSummary({ total: 32, GREEN: 20, AMBER: 7, RED: 3, NO_DATA: 2, NO_TARGET: 0, MONITOR: 0, EXCEEDED: 0, activity: 0 })
 * //=> "32 indicators: 20 green, 7 amber, 3 red, 2 no data"
 */
export function ragSummary(counts: RagCounts): string {
  const parts = [`${counts.GREEN} green`, `${counts.AMBER} amber`, `${counts.RED} red`, `${counts.NO_DATA} no data`];
  // Counts a saved dashboard from an older version may lack.
  const exceeded = counts.EXCEEDED ?? 0;
  const monitor = counts.MONITOR ?? 0;
  if (exceeded > 0) parts.unshift(`${exceeded} exceeded`);
  if (counts.NO_TARGET > 0) parts.push(`${counts.NO_TARGET} without a target`);
  if (monitor > 0) parts.push(`${monitor} monitor only`);
  if (counts.activity > 0) parts.push(plural(counts.activity, "activity indicator"));
  return `${plural(counts.total, "indicator")}: ${parts.join(", ")}`;
}

/** What detection found on a sheet, in a few words: "12 KPIs, 3 activity indicators · periods across". */
export function sheetFindings(reading: SheetReading): string {
  if (reading.layout === "none") return "No indicator table found";
  const counts = [
    reading.kpis > 0 ? plural(reading.kpis, "KPI") : null,
    reading.activities > 0 ? plural(reading.activities, "activity indicator") : null,
  ].filter((c): c is string => c !== null);
  const layout = reading.layout === "wide" ? "periods across" : "one row per period";
  return `${counts.length > 0 ? counts.join(", ") : "No indicators"} · ${layout}`;
}

/**
 * Months ("YYYY-MM") in which at least one indicator has a result, latest first: the choices
 * for the reporting period.
 */
export function monthsWithData(indicators: readonly Indicator[]): string[] {
  const months = new Set<string>();
  for (const indicator of indicators) {
    for (const observation of indicator.series) {
      if (observation.actual !== null) months.add(observation.period.end.slice(0, 7));
    }
  }
  return [...months].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** Whether a sheet is read: by default every sheet where indicators were found. */
export function isSheetIncluded(settings: Settings, reading: SheetReading): boolean {
  return settings.sheets === null ? reading.layout !== "none" : settings.sheets.includes(reading.sheet);
}

/**
 * The `sheets` setting after the user ticks or clears one sheet. When the choice is the
 * default (exactly the sheets with indicators) it is stored as null, so a sheet added next
 * month is picked up without a visit to the pane.
 */
export function withSheetIncluded(settings: Settings, readings: readonly SheetReading[], sheet: string, included: boolean): Settings["sheets"] {
  const chosen = readings.filter((r) => (r.sheet === sheet ? included : isSheetIncluded(settings, r))).map((r) => r.sheet);
  const defaults = readings.filter((r) => r.layout !== "none").map((r) => r.sheet);
  const same = chosen.length === defaults.length && chosen.every((s) => defaults.includes(s));
  return same ? null : chosen;
}

/** The mapping editor's starting point: the hand-made mapping if there is one, else what detection found. */
export function editableMapping(settings: Settings, reading: SheetReading): SheetMapping {
  const saved = settings.mapping.sheets[reading.sheet];
  if (saved) return saved;
  const columns: Record<string, SheetMapping["columns"][string]> = {};
  for (const c of reading.columns) if (c.role !== "period") columns[c.column] = c.role;
  return {
    headerRow: reading.headerRow ?? 1,
    layout: reading.layout === "long" ? "long" : "wide",
    columns,
  };
}

/** Settings with one sheet's hand-made mapping replaced, or removed when `mapping` is null. */
export function withSheetMapping(settings: Settings, sheet: string, mapping: SheetMapping | null): Settings {
  const sheets = { ...settings.mapping.sheets };
  if (mapping) sheets[sheet] = mapping;
  else delete sheets[sheet];
  return { ...settings, mapping: { sheets } };
}
