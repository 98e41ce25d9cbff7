import type { Dashboard, IndicatorResult } from "../dashboard";
import type { Diagnostic } from "../diagnostics";
import { isLate } from "./late-data";
import { noteItem } from "./note-rows";
import { addPagedSection } from "./paged-section";
import type { SheetBuilder } from "./sheet-builder";

/** Most diagnostics listed on the sheet; the rest are counted ("and 4 more"). */
export const maxDiagnosticNotes = 8;

function label(indicator: Pick<IndicatorResult, "ref" | "name">): string {
  return indicator.ref ? `${indicator.ref} ${indicator.name}` : indicator.name;
}

/** The exclusion note as a sentence, without saying "not included" twice when the sheet already does. */
export function excludedWords(reason: string): string {
  const text = reason.trim().replace(/\.?$/, ".");
  if (/not included/i.test(text)) return text.charAt(0).toUpperCase() + text.slice(1);
  return text === "." ? "Not included in this iteration." : `Not included in this iteration: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** Where a diagnostic points, in words: "Sheet 'Libraries', cell D7". */
export function diagnosticPlace(d: Diagnostic): string {
  if (d.sheet === null) return "Workbook";
  return d.cell ? `Sheet '${d.sheet}', cell ${d.cell}` : `Sheet '${d.sheet}'`;
}

/** Notes on the indicators themselves: no data, excluded, stale and late results, in workbook order. */
export function indicatorNotes(dashboard: Pick<Dashboard, "indicators" | "cutoff">): string[] {
  const notes: string[] = [];
  for (const i of dashboard.indicators) {
    if (i.excluded !== null) {
      notes.push(`${label(i)}: ${excludedWords(i.excluded)}`);
    } else if (i.actual === null) {
      notes.push(`${label(i)}: no result has been reported${i.period ? ` for ${i.period.label}` : ""}; shown as NO DATA, not RED.`);
    } else if (i.stale) {
      notes.push(`${label(i)}: the latest result (${i.period?.label ?? "undated"}) is older than the reporting year, so it is shown but not rated as current.`);
    } else if (i.period && isLate(i, dashboard.cutoff)) {
      notes.push(`${label(i)}: ${i.period.label} is the latest available.`);
    }
  }
  return notes;
}

/**
 * Notes on years to date that do not cover the year so far ("the year to date covers 7 of 9 months
 * (no result for Aug 2012, Sep 2012)"), the first `max` and the rest counted, so a YTD over missing
 * months is never presented as complete and a large workbook's sheet stays short.
 */
export function yearToDateNotes(dashboard: Pick<Dashboard, "indicators">, max = maxDiagnosticNotes): string[] {
  const notes: string[] = [];
  let rest = 0;
  for (const i of dashboard.indicators) {
    const ytd = i.ytd;
    if (i.excluded !== null || i.stale || !ytd || ytd.complete !== false) continue;
    if (notes.length >= max) rest++;
    else notes.push(`${label(i)}: the year to date covers ${ytd.coverage} (no result for ${ytd.missing.join(", ")}), so it is not complete.`);
  }
  if (rest > 0)
    notes.push(
      `and ${rest} more ${rest === 1 ? "indicator whose year to date is" : "indicators whose years to date are"} not complete (see the task pane or the command line's --json output).`,
    );
  return notes;
}

/**
 * Notes asking for the commentary the committee will expect: every RED or worsened indicator that
 * has none, the first `max` by name and the rest counted, so a large workbook's sheet stays short
 * (the task pane and --json list them all).
 */
export function commentaryNotes(dashboard: Pick<Dashboard, "missingCommentary">, max = maxDiagnosticNotes): string[] {
  const missing = dashboard.missingCommentary ?? [];
  const notes = missing
    .slice(0, max)
    .map((m) => `${label(m)} ${m.why === "RED" ? "is RED" : "has worsened"} but has no commentary: ask its owner for some before the paper goes out.`);
  const rest = missing.length - notes.length;
  if (rest > 0)
    notes.push(
      `and ${rest} more RED or worsened ${rest === 1 ? "indicator has" : "indicators have"} no commentary (see the task pane or the command line's --json output).`,
    );
  return notes;
}

/** One note per sheet listing the columns that were not read, so nothing is ignored without a word. */
export function unusedColumnNotes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.code === "unused-columns" && d.sheet !== null)
    .map((d) => `Sheet '${d.sheet ?? ""}': ${d.message.replace(/^Sheet "[^"]*": /, "")}`);
}

/** Warnings that the notes above already say in words, so they are not listed twice. */
const saidElsewhere: ReadonlySet<string> = new Set(["ytd-incomplete"]);

/** Notes on the errors and warnings found while reading, errors first, capped with "and N more". */
export function diagnosticNotes(diagnostics: readonly Diagnostic[], max = maxDiagnosticNotes): string[] {
  const listed = diagnostics.filter((d) => !saidElsewhere.has(d.code));
  const serious = [...listed.filter((d) => d.severity === "error"), ...listed.filter((d) => d.severity === "warning")];
  const shown = serious.slice(0, max).map((d) => `${d.severity === "error" ? "Error" : "Warning"}: ${diagnosticPlace(d)}: ${d.message}`);
  const rest = serious.length - shown.length;
  if (rest > 0)
    shown.push(`and ${rest} more ${rest === 1 ? "error or warning" : "errors and warnings"} (see the task pane or the command line's --json output).`);
  return shown;
}

/** A note for every figure the last report showed that has been revised since: "CR01 Calls answered: Dec 2012 result revised from 71.2% to 69.8% since the report of December 2012." */
export function revisionNotes(dashboard: Pick<Dashboard, "revisions">): string[] {
  return dashboard.revisions.map((r) => `${label(r)}: ${r.text}.`);
}

/**
 * Adds the data notes: what the committee should know about revised, missing, excluded, late or
 * doubtful figures, years to date that do not cover the year so far, RED or worsened indicators
 * without commentary, and the columns of each sheet that were not read.
 */
export function addDataNotesBlock(builder: SheetBuilder, dashboard: Dashboard): void {
  const notes = [
    ...revisionNotes(dashboard),
    ...indicatorNotes(dashboard),
    ...yearToDateNotes(dashboard),
    ...commentaryNotes(dashboard),
    ...unusedColumnNotes(dashboard.diagnostics),
    ...diagnosticNotes(dashboard.diagnostics),
  ];
  const texts = notes.length > 0 ? notes : ["All indicators have results for their latest period and no problems were found reading the workbook."];
  addPagedSection(builder, { title: "Data notes", items: texts.map((text) => noteItem(builder, text)) });
}
