import { z } from "zod";
import { monthLongName, monthNumberOf } from "./calendar";
import type { Changes, Dashboard, Dot, IndicatorResult, Position, Rag } from "./dashboard";
import type { Kind } from "./indicator";
import type { Settings } from "./settings";

/**
 * The record of every dashboard issued: for each report the committee was given, what it showed
 * for each indicator. Kept by the add-in in the workbook and by the command line in a JSON file,
 * in one format (below), so "what changed since the last report" and "which figures were revised"
 * can be answered from what was really shown, not from today's figures.
 *
 * The stored form is compact so that 36 reports of 1,000 indicators stay well within Excel on
 * the web's 5 MB answer: each indicator's key is written once, and each report is a table
 * (`fields` names its columns, so a later version can add columns that this one ignores).
 */

/** Names the format, so a stray JSON file is not mistaken for a history. */
export const historyFormatName = "kpi-dashboard-history";
/** The format version this code writes; a history with a higher one is kept as it is and not used. */
export const historyFormatVersion = 1;
/**
 * The worksheet the add-in keeps the history on inside a workbook: VeryHidden, so it is not in
 * Excel's Unhide list, and never read as indicator data by either host.
 */
export const historySheetName = "kpiDashboard.history";

/** Reports kept by default: three years of monthly papers. */
export const defaultMaxSnapshots = 36;

/** How an indicator is recognised from one report to the next: its reference, else its sheet and name. */
export interface IndicatorKey {
  readonly ref: string | null;
  readonly sheet: string;
  readonly name: string;
}

/** What one report showed for one indicator: no more than the dashboard itself showed. */
export interface ReportedIndicator {
  readonly key: IndicatorKey;
  readonly kind: Kind;
  /** Label of the period shown ("Dec 2012", "Q2 2012/13"), or null when none was. */
  readonly period: string | null;
  readonly actual: number | null;
  readonly target: number | null;
  readonly floor: number | null;
  readonly expected: number | null;
  readonly rag: Rag | null;
  readonly dot: Dot | null;
  readonly position: Position | null;
  readonly previous: { readonly period: string; readonly actual: number | null } | null;
  readonly ytd: { readonly actual: number | null; readonly target: number | null; readonly rag: Rag | null } | null;
}

/** Fingerprints of the settings a report was built with: how figures were read, and how they were rated. */
export interface SettingsFingerprint {
  /** Sheets chosen, column mappings and the year's first month: change these and the figures themselves may differ. */
  readonly reading: string;
  /** The rating rules: change these and alerts may differ for the same figures. */
  readonly rules: string;
}

/** One report the committee was given. */
export interface Snapshot {
  /** The reporting cut-off "YYYY-MM". */
  readonly cutoff: string;
  /** The date printed on the dashboard, YYYY-MM-DD. */
  readonly produced: string;
  /** When it was marked as reported (ISO date and time). */
  readonly recorded: string;
  readonly settings: SettingsFingerprint;
  readonly indicators: readonly ReportedIndicator[];
}

/** The dashboard a history belongs to: its title and directorate, as the dashboard prints them. */
export interface HistoryOwner {
  readonly title: string;
  readonly directorate: string;
}

/** A workbook's reports, oldest first. */
export interface History {
  readonly owner: HistoryOwner;
  readonly snapshots: readonly Snapshot[];
}

/** A history as found in a workbook or file: the history, or why it cannot be used (it is then kept as it is). */
export interface HistoryReading {
  /** The history, or null when there is none or it cannot be read. */
  readonly history: History | null;
  /** Why the stored history cannot be used, in a sentence; null when it can (or there is none). */
  readonly problem: string | null;
}

/** No history at all: what a first build sees. */
export const noHistory: HistoryReading = { history: null, problem: null };

// ---------------------------------------------------------------------------------------------
// The stored form
// ---------------------------------------------------------------------------------------------

const ragCodes = { GREEN: "G", AMBER: "A", RED: "R", NO_DATA: "N", NO_TARGET: "T", MONITOR: "M", EXCEEDED: "E" } as const satisfies Record<Rag, string>;
const dotCodes = { IMPROVED: "I", WORSENED: "W", SAME: "S" } as const satisfies Record<Dot, string>;
const positionCodes = { ABOVE: "A", WITHIN: "W", BELOW: "B" } as const satisfies Record<Position, string>;

function decode<T extends string>(codes: Readonly<Record<T, string>>, code: unknown): T | null {
  for (const [word, c] of Object.entries(codes) as [T, string][]) if (c === code) return word;
  return null;
}

/**
 * The columns of a stored report, in the order this version writes them. "period" and
 * "previousPeriod" are indexes into the report's `periods`; "alerts" is four letters, one each for
 * the alert (G A R N T), the direction of travel (I W S), an activity's position (A W B) and the
 * YTD alert, "-" where there is none. Trailing empty columns are left off a row.
 */
export const snapshotFields = [
  "indicator",
  "period",
  "actual",
  "target",
  "floor",
  "expected",
  "alerts",
  "previousPeriod",
  "previousActual",
  "ytdActual",
  "ytdTarget",
] as const;

/** One letter of "alerts", or null for "-". */
function letter(alerts: unknown, at: number): string | null {
  const c = typeof alerts === "string" ? alerts.charAt(at) : "";
  return c === "" || c === "-" ? null : c;
}

const cell = z.union([z.string(), z.number(), z.null()]);

const storedSchema = z.looseObject({
  format: z.literal(historyFormatName),
  version: z.number().int().positive(),
  workbook: z.looseObject({ title: z.string(), directorate: z.string() }),
  /** [ref, sheet, name, kind] once per indicator. */
  indicators: z.array(z.tuple([z.string().nullable(), z.string(), z.string(), z.enum(["kpi", "activity"])])),
  snapshots: z.array(
    z.looseObject({
      cutoff: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
      periods: z.array(z.string()),
      produced: z.string(),
      recorded: z.string(),
      settings: z.looseObject({ reading: z.string(), rules: z.string() }),
      fields: z.array(z.string()),
      rows: z.array(z.array(cell)),
    }),
  ),
});

const versionProbe = z.looseObject({ format: z.literal(historyFormatName), version: z.number() });

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Reads a stored history (JSON text, or the parsed value). Anything that is not a history this
 * version can read (damaged, hand-edited, or written by a newer version) gives a problem in words
 * and no history: the caller keeps it as it is and records nothing over it.
 */
export function parseHistory(stored: unknown): HistoryReading {
  if (stored === null || stored === undefined || stored === "") return noHistory;
  let json: unknown = stored;
  if (typeof stored === "string") {
    try {
      json = JSON.parse(stored) as unknown;
    } catch {
      return {
        history: null,
        problem: "The report history is damaged (not valid JSON), so it is not used; it is kept as it is and nothing is recorded over it.",
      };
    }
  }
  const probe = versionProbe.safeParse(json);
  if (probe.success && probe.data.version > historyFormatVersion) {
    return {
      history: null,
      problem: `The report history was written by a newer version of the add-in (format ${probe.data.version}; this one reads ${historyFormatVersion}), so it is not used; it is kept as it is and nothing is recorded over it.`,
    };
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
    return {
      history: null,
      problem: `The report history cannot be read${where}: ${issue?.message ?? "invalid"}. It is not used; it is kept as it is and nothing is recorded over it.`,
    };
  }
  const stored1 = parsed.data;
  const keys = stored1.indicators;
  const snapshots: Snapshot[] = [];
  for (const s of stored1.snapshots) {
    const at = new Map(s.fields.map((f, i) => [f, i] as const));
    const get = (row: readonly unknown[], field: (typeof snapshotFields)[number]): unknown => {
      const i = at.get(field);
      return i === undefined ? null : row[i];
    };
    const indicators: ReportedIndicator[] = [];
    for (const row of s.rows) {
      const index = get(row, "indicator");
      const k = typeof index === "number" ? keys[index] : undefined;
      if (!k)
        return {
          history: null,
          problem: `The report history cannot be read: a report of ${s.cutoff} names an indicator that is not listed. It is not used; it is kept as it is and nothing is recorded over it.`,
        };
      const periodAt = (field: "period" | "previousPeriod"): string | null => {
        const n = get(row, field);
        return typeof n === "number" ? (s.periods[n] ?? null) : null;
      };
      const previousPeriod = periodAt("previousPeriod");
      const alerts = get(row, "alerts");
      const ytdActual = num(get(row, "ytdActual"));
      const ytdTarget = num(get(row, "ytdTarget"));
      const ytdRag = decode(ragCodes, letter(alerts, 3));
      indicators.push({
        key: { ref: k[0], sheet: k[1], name: k[2] },
        kind: k[3],
        period: periodAt("period"),
        actual: num(get(row, "actual")),
        target: num(get(row, "target")),
        floor: num(get(row, "floor")),
        expected: num(get(row, "expected")),
        rag: decode(ragCodes, letter(alerts, 0)),
        dot: decode(dotCodes, letter(alerts, 1)),
        position: decode(positionCodes, letter(alerts, 2)),
        previous: previousPeriod === null ? null : { period: previousPeriod, actual: num(get(row, "previousActual")) },
        ytd: ytdActual === null && ytdTarget === null && ytdRag === null ? null : { actual: ytdActual, target: ytdTarget, rag: ytdRag },
      });
    }
    snapshots.push({
      cutoff: s.cutoff,
      produced: s.produced,
      recorded: s.recorded,
      settings: { reading: s.settings.reading, rules: s.settings.rules },
      indicators,
    });
  }
  return {
    history: { owner: { title: stored1.workbook.title, directorate: stored1.workbook.directorate }, snapshots: sortSnapshots(snapshots) },
    problem: null,
  };
}

function keyText(k: IndicatorKey): string {
  return JSON.stringify([k.ref, k.sheet, k.name]);
}

/** The history as stored: compact JSON text, versioned (see the module note and the README). */
export function serialiseHistory(history: History): string {
  const index = new Map<string, number>();
  const indicators: [string | null, string, string, Kind][] = [];
  const code = (codes: Readonly<Record<string, string>>, word: string | null | undefined): string => (word == null ? "-" : (codes[word] ?? "-"));
  const snapshots = history.snapshots.map((s) => {
    const periods: string[] = [];
    const periodIndex = new Map<string, number>();
    const periodOf = (label: string | null | undefined): number | null => {
      if (label == null) return null;
      let n = periodIndex.get(label);
      if (n === undefined) {
        n = periods.length;
        periodIndex.set(label, n);
        periods.push(label);
      }
      return n;
    };
    const rows = s.indicators.map((i) => {
      const k = keyText(i.key);
      let n = index.get(k);
      if (n === undefined) {
        n = indicators.length;
        index.set(k, n);
        indicators.push([i.key.ref, i.key.sheet, i.key.name, i.kind]);
      }
      const row: (string | number | null)[] = [
        n,
        periodOf(i.period),
        i.actual,
        i.target,
        i.floor,
        i.expected,
        `${code(ragCodes, i.rag)}${code(dotCodes, i.dot)}${code(positionCodes, i.position)}${code(ragCodes, i.ytd?.rag)}`,
        periodOf(i.previous?.period),
        i.previous?.actual ?? null,
        i.ytd?.actual ?? null,
        i.ytd?.target ?? null,
      ];
      while (row.length > 1 && row[row.length - 1] === null) row.pop();
      return row;
    });
    return { cutoff: s.cutoff, periods, produced: s.produced, recorded: s.recorded, settings: s.settings, fields: snapshotFields, rows };
  });
  return JSON.stringify({ format: historyFormatName, version: historyFormatVersion, workbook: history.owner, indicators, snapshots });
}

// ---------------------------------------------------------------------------------------------
// Making and keeping reports
// ---------------------------------------------------------------------------------------------

/** FNV-1a (32 bits) of a text, as 8 hex digits: a fingerprint, not a secret. */
function fnv1a(textIn: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < textIn.length; i++) {
    h ^= textIn.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** JSON with object keys sorted, so equal settings always give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The settings' fingerprints: how figures are read (sheets, mappings, year start) and how they are rated. */
export function settingsFingerprint(settings: Settings): SettingsFingerprint {
  const { yearStartMonth, ...rating } = settings.rules;
  return {
    reading: fnv1a(canonical({ sheets: settings.sheets, mapping: settings.mapping, yearStartMonth })),
    rules: fnv1a(canonical(rating)),
  };
}

/** How an indicator of the dashboard is recognised in a report. */
export function indicatorKey(i: Pick<IndicatorResult, "ref" | "sheet" | "name">): IndicatorKey {
  return { ref: i.ref, sheet: i.sheet, name: i.name };
}

/** What the dashboard shows for one indicator, as a report keeps it. */
export function reportedIndicator(i: IndicatorResult): ReportedIndicator {
  return {
    key: indicatorKey(i),
    kind: i.kind,
    period: i.period?.label ?? null,
    actual: i.actual,
    target: i.target,
    floor: i.floor,
    expected: i.expected,
    rag: i.rag,
    dot: i.dot,
    position: i.position,
    previous: i.previous ? { period: i.previous.period.label, actual: i.previous.actual } : null,
    ytd: i.ytd ? { actual: i.ytd.actual, target: i.ytd.target, rag: i.ytd.rag } : null,
  };
}

/** The report of a dashboard: what each indicator showed, with the cut-off, the settings' fingerprints and when it was recorded. */
export function snapshotOf(dashboard: Dashboard, settings: Settings, recorded: string): Snapshot {
  return {
    cutoff: dashboard.cutoff,
    produced: dashboard.produced,
    recorded,
    settings: settingsFingerprint(settings),
    // Indicators left out of this iteration were not reported on.
    indicators: dashboard.indicators.filter((i) => i.excluded === null).map(reportedIndicator),
  };
}

/** The owner a dashboard's history must have. */
export function ownerOf(dashboard: Pick<Dashboard, "title" | "directorate">): HistoryOwner {
  return { title: dashboard.title, directorate: dashboard.directorate };
}

/** True when the history was recorded for this dashboard (same title and directorate, ignoring case and spaces). */
export function belongsTo(history: History, owner: HistoryOwner): boolean {
  const norm = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();
  return norm(history.owner.title) === norm(owner.title) && norm(history.owner.directorate) === norm(owner.directorate);
}

function sortSnapshots(snapshots: readonly Snapshot[]): Snapshot[] {
  return [...snapshots].sort((a, b) =>
    a.cutoff === b.cutoff ? (a.recorded < b.recorded ? -1 : a.recorded > b.recorded ? 1 : 0) : a.cutoff < b.cutoff ? -1 : 1,
  );
}

/** What recording a report did, in words for the analyst. */
export interface Recording {
  readonly history: History;
  /** "Recorded as the report of January 2013." and anything else worth saying (a report replaced, another dashboard's history replaced). */
  readonly notes: readonly string[];
}

/**
 * Adds a report to a history: a report of the same cut-off is replaced (the committee has the
 * later one), the oldest beyond `max` are dropped, and a history recorded for another dashboard
 * (a workbook copied from another council's) is replaced by this workbook's own. The caller must
 * not call this over a history that could not be read: that one is kept as it is.
 */
export function recordSnapshot(existing: History | null, snapshot: Snapshot, owner: HistoryOwner, max = defaultMaxSnapshots): Recording {
  const notes: string[] = [];
  let kept: readonly Snapshot[] = existing?.snapshots ?? [];
  if (existing && !belongsTo(existing, owner)) {
    notes.push(
      `The history in this workbook was recorded for "${existing.owner.title}" (${existing.owner.directorate || "no directorate"}), not this dashboard, so this report starts this workbook's own history.`,
    );
    kept = [];
  }
  if (kept.some((s) => s.cutoff === snapshot.cutoff)) {
    notes.push(`It replaces the report of the same month recorded earlier.`);
    kept = kept.filter((s) => s.cutoff !== snapshot.cutoff);
  }
  let snapshots = sortSnapshots([...kept, snapshot]);
  const limit = Math.max(1, Math.floor(max));
  if (snapshots.length > limit) {
    const dropped = snapshots.length - limit;
    snapshots = snapshots.slice(dropped);
    notes.push(`The oldest ${dropped === 1 ? "report was" : `${dropped} reports were`} dropped to keep the last ${limit}.`);
  }
  return { history: { owner, snapshots }, notes };
}

/** The last report recorded before a cut-off (the latest recorded of the latest earlier month), or null. */
export function lastReportBefore(history: History, cutoff: string): Snapshot | null {
  let found: Snapshot | null = null;
  for (const s of history.snapshots)
    if (s.cutoff < cutoff && (found === null || s.cutoff > found.cutoff || (s.cutoff === found.cutoff && s.recorded >= found.recorded))) found = s;
  return found;
}

// ---------------------------------------------------------------------------------------------
// What changed, in words (the dashboard's section and the task pane say the same)
// ---------------------------------------------------------------------------------------------

/** "December 2012" for "2012-12"; anything else as it is. */
export function reportMonthWords(cutoff: string): string {
  const n = /^\d{4}-(0[1-9]|1[0-2])$/.test(cutoff) ? monthNumberOf(cutoff) : null;
  return n === null ? cutoff : monthLongName(n);
}

/**
 * The changes as one line: "Since the report of December 2012: 2 improved to green, 1 fell to
 * red, 3 figures revised", or null when there is no report to compare with.
 */
export function changesInWords(changes: Changes): string | null {
  if (changes.since === null) return null;
  const c = changes.counts;
  const parts: string[] = [];
  const add = (n: number, words: string, plural = words): void => {
    if (n > 0) parts.push(`${n} ${n === 1 ? words : plural}`);
  };
  add(c.backToGreen, "improved to green");
  add(c.improved, "improved to amber");
  add(c.fellToRed, "fell to red");
  add(c.worsened, "worsened to amber");
  add(c.added, "new indicator", "new indicators");
  add(c.gone, "indicator gone", "indicators gone");
  add(c.revised, "figure revised", "figures revised");
  const what = parts.length > 0 ? parts.join(", ") : "no alert changed and no figure was revised";
  return `Since the report of ${reportMonthWords(changes.since.cutoff)}: ${what}`;
}
