import { appendAll } from "../append";
import { monthLongName, monthNumberOf } from "../calendar";
import type { AlertChange, ChangeEntry, Changes, IndicatorResult, Rag, Revision, SinceLastReport } from "../dashboard";
import { diagnostic, type Diagnostic } from "../diagnostics";
import { belongsTo, lastReportBefore, settingsFingerprint, type HistoryOwner, type HistoryReading, type ReportedIndicator, type Snapshot } from "../history";
import type { Indicator, Observation, Unit } from "../indicator";
import type { RuleSettings, Settings } from "../settings";
import { yearToDate } from "./ytd";

/**
 * "Since the last report": each indicator as the dashboard shows it today against what the last
 * report before this cut-off showed. Alerts that moved (to red, back to green, better, worse),
 * indicators new or gone, and every figure the report showed that has been revised since.
 *
 * Indicators are matched by reference, then by sheet and name, then by name alone, so moving or
 * deleting rows, renaming an indicator or changing its reference gives a note and not a false
 * "new" and "gone". When the way figures are read (sheets, mappings, year start) has changed,
 * figures are not compared at all: a difference could come from the reading, not a revision.
 */

/** What the comparison adds to a dashboard. */
export interface Comparison {
  readonly results: IndicatorResult[];
  readonly changes: Changes;
  readonly revisions: Revision[];
  readonly diagnostics: Diagnostic[];
}

const ragWord: Record<Rag, string> = {
  GREEN: "GREEN",
  AMBER: "AMBER",
  RED: "RED",
  NO_DATA: "NO DATA",
  NO_TARGET: "NO TARGET",
  MONITOR: "MONITOR",
  EXCEEDED: "EXCEEDED",
};

const noCounts = { fellToRed: 0, backToGreen: 0, improved: 0, worsened: 0, added: 0, gone: 0, revised: 0 };

function monthWords(cutoff: string): string {
  const n = monthNumberOf(cutoff);
  return n === null ? cutoff : monthLongName(n);
}

function label(i: { readonly ref: string | null; readonly name: string }): string {
  return i.ref ? `${i.ref} ${i.name}` : i.name;
}

function norm(s: string | null): string {
  return (s ?? "").trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * How the alert moved from the report's to today's, or null when it did not in a way worth saying.
 * EXCEEDED counts as green here (it is beyond the target): moving between the two is not a change
 * the committee is told about, and coming to either from amber or red is "back to green".
 */
export function alertChange(before: Rag | null, now: Rag | null): AlertChange | null {
  const green = (r: Rag | null): boolean => r === "GREEN" || r === "EXCEEDED";
  if (now === before || (green(now) && green(before))) return null;
  if (now === "RED") return "fell-to-red";
  if (green(now) && (before === "AMBER" || before === "RED")) return "back-to-green";
  if (now === "AMBER" && before === "RED") return "improved";
  if (now === "AMBER" && green(before)) return "worsened";
  return null;
}

const changeWords: Record<AlertChange, string> = {
  "fell-to-red": "fell to red",
  "back-to-green": "back to green",
  improved: "improved to amber",
  worsened: "worsened to amber",
};

/** Decimals a figure is shown with: from its number format ("0.0%" → 3 decimals of the fraction), else its unit's. */
export function decimalsShown(numberFormat: string | null, unit: Unit): number {
  const own = numberFormat?.trim();
  if (own && own.toLowerCase() !== "general" && own !== "@") {
    const first = own.split(";")[0] ?? own;
    const decimals = /\.([0#?]+)/.exec(first)?.[1]?.length ?? 0;
    return decimals + (first.includes("%") ? 2 : 0);
  }
  return unit === "percentage" ? 3 : unit === "number" ? 1 : 0;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A figure as shown at a precision: 0.712 with 3 decimals → "71.2%"; 1234 → "1,234"; null → "no figure". */
function shown(value: number | null, decimals: number, unit: Unit): string {
  if (value === null) return "no figure";
  if (unit === "percentage") return `${(value * 100).toFixed(Math.max(0, decimals - 2))}%`;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const body = fraction ? `${groupThousands(whole)}.${fraction}` : groupThousands(whole);
  const sign = value < 0 && /[1-9]/.test(fixed) ? "-" : "";
  return unit === "money" ? `${sign}£${body}` : `${sign}${body}`;
}

/** True when two figures differ at the precision shown (a blank and a figure always differ). */
function differs(a: number | null, b: number | null, decimals: number): boolean {
  if (a === null || b === null) return a !== b;
  const scale = 10 ** decimals;
  return Math.round(a * scale) !== Math.round(b * scale) && Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Today's rows matched with the report's: by reference, then sheet and name, then name alone. */
function matchIndicators(today: readonly IndicatorResult[], reported: readonly ReportedIndicator[]): Map<ReportedIndicator, IndicatorResult> {
  const matched = new Map<ReportedIndicator, IndicatorResult>();
  const used = new Set<IndicatorResult>();
  const pass = (keyToday: (i: IndicatorResult) => string | null, keyReported: (r: ReportedIndicator) => string | null): void => {
    const byKey = new Map<string, IndicatorResult[]>();
    for (const i of today) {
      if (used.has(i)) continue;
      const k = keyToday(i);
      if (k !== null) byKey.set(k, [...(byKey.get(k) ?? []), i]);
    }
    const wanted = new Map<string, number>();
    for (const r of reported) {
      if (matched.has(r)) continue;
      const k = keyReported(r);
      if (k !== null) wanted.set(k, (wanted.get(k) ?? 0) + 1);
    }
    for (const r of reported) {
      if (matched.has(r)) continue;
      const k = keyReported(r);
      const candidates = k === null ? undefined : byKey.get(k);
      // Only a match both sides agree is unique: two rows with one key are left for the next pass.
      if (!candidates || candidates.length !== 1 || (k !== null && wanted.get(k) !== 1)) continue;
      const i = candidates[0];
      if (!i || used.has(i)) continue;
      matched.set(r, i);
      used.add(i);
    }
  };
  pass(
    (i) => (i.ref ? norm(i.ref) : null),
    (r) => (r.key.ref ? norm(r.key.ref) : null),
  );
  pass(
    (i) => `${norm(i.sheet)}\u0000${norm(i.name)}`,
    (r) => `${norm(r.key.sheet)}\u0000${norm(r.key.name)}`,
  );
  pass(
    (i) => norm(i.name),
    (r) => norm(r.key.name),
  );
  return matched;
}

/** Everything a comparison needs. */
export interface CompareOptions {
  readonly history: HistoryReading;
  readonly cutoff: string;
  readonly settings: Settings;
  readonly owner: HistoryOwner;
}

function unchanged(results: IndicatorResult[], notes: string[], diagnostics: Diagnostic[]): Comparison {
  return { results, changes: { since: null, entries: [], counts: noCounts, notes }, revisions: [], diagnostics };
}

/** The figures of one period that a report showed, against today's. */
function periodRevisions(result: IndicatorResult, indicator: Indicator, reported: ReportedIndicator, snapshot: Snapshot, rules: RuleSettings): Revision[] {
  const decimals = decimalsShown(result.numberFormat, result.unit);
  const since = monthWords(snapshot.cutoff);
  const byLabel = new Map<string, Observation>(indicator.series.map((o) => [o.period.label, o]));
  const out: Revision[] = [];
  const add = (period: string, field: string, was: number | null, now: number | null): void => {
    if (!differs(was, now, decimals)) return;
    out.push({
      id: result.id,
      ref: result.ref,
      name: result.name,
      period,
      field,
      reported: was,
      now,
      text: `${period} ${field} revised from ${shown(was, decimals, result.unit)} to ${shown(now, decimals, result.unit)} since the report of ${since}`,
    });
  };
  if (reported.period !== null) {
    const o = byLabel.get(reported.period) ?? null;
    add(reported.period, "result", reported.actual, o?.actual ?? null);
    if (reported.kind === "kpi") {
      add(reported.period, "target", reported.target, o?.target ?? null);
      add(reported.period, "floor", reported.floor, o?.floor ?? null);
    } else {
      add(reported.period, "expected", reported.expected, o?.expected ?? null);
    }
    if (reported.ytd && o) {
      const ytd = o.actual === null ? null : yearToDate(indicator, o, rules);
      add(reported.period, "YTD result", reported.ytd.actual, ytd?.actual ?? null);
      if (reported.kind === "kpi") add(reported.period, "YTD target", reported.ytd.target, ytd?.target ?? null);
    }
  }
  if (reported.previous) add(reported.previous.period, "result", reported.previous.actual, byLabel.get(reported.previous.period)?.actual ?? null);
  return out;
}

function sinceWords(change: AlertChange | "new" | null, before: Rag | null, revised: boolean): string {
  const was = before === null ? "" : ` (was ${ragWord[before]})`;
  const first =
    change === "new"
      ? "New since the last report"
      : change === null
        ? before === null
          ? ""
          : "Unchanged"
        : `${changeWords[change].charAt(0).toUpperCase()}${changeWords[change].slice(1)}${was}`;
  if (!revised) return first;
  return first ? `${first}; figures revised` : "Figures revised";
}

/**
 * Compares the dashboard's rows with the last report before its cut-off; see the module note.
 * Returns the rows with `sinceLastReport` set, the changes and revisions, and diagnostics about
 * a history that cannot be used.
 */
export function compareWithLastReport(results: readonly IndicatorResult[], indicators: readonly Indicator[], options: CompareOptions): Comparison {
  const rows = [...results];
  const { history, problem } = options.history;
  if (problem !== null) {
    return unchanged(rows, [problem], [diagnostic("history-unreadable", null, null, problem)]);
  }
  if (history === null || history.snapshots.length === 0) return unchanged(rows, [], []);
  if (!belongsTo(history, options.owner)) {
    const note = `The report history in this workbook was recorded for "${history.owner.title}"${history.owner.directorate ? ` (${history.owner.directorate})` : ""}, not this dashboard, so it is not compared; marking this dashboard as reported starts this workbook's own history.`;
    return unchanged(rows, [note], [diagnostic("history-of-another-dashboard", null, null, note)]);
  }
  const snapshot = lastReportBefore(history, options.cutoff);
  if (snapshot === null) {
    return unchanged(rows, [`No report before ${monthWords(options.cutoff)} has been recorded, so there is nothing to compare with yet.`], []);
  }

  const since = monthWords(snapshot.cutoff);
  const notes: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const now = settingsFingerprint(options.settings);
  const readingChanged = now.reading !== snapshot.settings.reading;
  const rulesChanged = now.rules !== snapshot.settings.rules;
  if (readingChanged) {
    const note = `The sheets read, the column mapping or the year's first month have changed since the report of ${since}, so figures are not compared with it for revisions.`;
    notes.push(note);
    diagnostics.push(diagnostic("history-settings-changed", null, null, note));
  }
  if (rulesChanged) {
    const note = `The rating rules have changed since the report of ${since}, so some changes of alert may come from the rules rather than the figures.`;
    notes.push(note);
    diagnostics.push(diagnostic("history-settings-changed", null, null, note));
  }

  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const included = rows.filter((r) => r.excluded === null);
  const matched = matchIndicators(included, snapshot.indicators);
  const reportedOf = new Map<IndicatorResult, ReportedIndicator>();
  for (const [r, i] of matched) reportedOf.set(i, r);

  const entries: ChangeEntry[] = [];
  const revisions: Revision[] = [];
  const counts = { ...noCounts };
  for (const [index, row] of rows.entries()) {
    if (row.excluded !== null) continue;
    const reported = reportedOf.get(row);
    if (!reported) {
      entries.push({
        id: row.id,
        ref: row.ref,
        name: row.name,
        change: "new",
        before: null,
        now: row.rag,
        text: `${label(row)}: new since the report of ${since}`,
      });
      counts.added++;
      rows[index] = { ...row, sinceLastReport: { cutoff: snapshot.cutoff, rag: null, change: "new", revised: false, words: sinceWords("new", null, false) } };
      continue;
    }
    if (reported.key.ref !== null && row.ref !== null && norm(reported.key.ref) !== norm(row.ref)) {
      notes.push(`${row.name}: reference changed from ${reported.key.ref} to ${row.ref} since the report of ${since}.`);
    } else if ((reported.key.ref === null) !== (row.ref === null)) {
      notes.push(
        row.ref
          ? `${row.name}: given the reference ${row.ref} since the report of ${since}.`
          : `${row.name}: no longer has the reference ${reported.key.ref ?? ""} it had in the report of ${since}.`,
      );
    }
    if (norm(reported.key.name) !== norm(row.name)) notes.push(`${label(row)}: renamed since the report of ${since} (was "${reported.key.name}").`);

    const before = reported.kind === "kpi" ? reported.rag : null;
    const nowRag = row.kind === "kpi" ? row.rag : null;
    const change = alertChange(before, nowRag);
    const indicator = indicatorById.get(row.id);
    const own = readingChanged || !indicator ? [] : periodRevisions(row, indicator, reported, snapshot, options.settings.rules);
    appendAll(revisions, own);
    counts.revised += own.length;
    if (change) {
      entries.push({
        id: row.id,
        ref: row.ref,
        name: row.name,
        change,
        before,
        now: nowRag,
        text: `${label(row)}: ${changeWords[change]}${before ? ` (was ${ragWord[before]})` : ""}`,
      });
      if (change === "fell-to-red") counts.fellToRed++;
      else if (change === "back-to-green") counts.backToGreen++;
      else if (change === "improved") counts.improved++;
      else counts.worsened++;
    }
    const sinceLastReport: SinceLastReport = {
      cutoff: snapshot.cutoff,
      rag: before,
      change,
      revised: own.length > 0,
      words: sinceWords(change, before, own.length > 0),
    };
    rows[index] = { ...row, sinceLastReport };
  }
  const matchedReports = new Set(matched.keys());
  const left = new Set(rows.filter((r) => r.excluded !== null).map((r) => `${norm(r.sheet)}\u0000${norm(r.name)}`));
  for (const reported of snapshot.indicators) {
    if (matchedReports.has(reported)) continue;
    const why = left.has(`${norm(reported.key.sheet)}\u0000${norm(reported.key.name)}`) ? "not included in this dashboard" : "no longer in the workbook";
    entries.push({
      id: null,
      ref: reported.key.ref,
      name: reported.key.name,
      change: "gone",
      before: reported.rag,
      now: null,
      text: `${label(reported.key)}: in the report of ${since}, ${why}`,
    });
    counts.gone++;
  }
  if (revisions.length > 0) notes.push("Directions of travel and previous results use today's figures, revisions included.");
  return {
    results: rows,
    changes: { since: { cutoff: snapshot.cutoff, produced: snapshot.produced, recorded: snapshot.recorded }, entries, counts, notes },
    revisions,
    diagnostics,
  };
}
