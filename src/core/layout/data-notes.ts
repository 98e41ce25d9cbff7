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

/** Notes on the errors and warnings found while reading, errors first, capped with "and N more". */
export function diagnosticNotes(diagnostics: readonly Diagnostic[], max = maxDiagnosticNotes): string[] {
  const serious = [...diagnostics.filter((d) => d.severity === "error"), ...diagnostics.filter((d) => d.severity === "warning")];
  const shown = serious.slice(0, max).map((d) => `${d.severity === "error" ? "Error" : "Warning"}: ${diagnosticPlace(d)}: ${d.message}`);
  const rest = serious.length - shown.length;
  if (rest > 0) shown.push(`and ${rest} more ${rest === 1 ? "error or warning" : "errors and warnings"} (see the task pane or the command line's --json output).`);
  return shown;
}

/** A note for every figure the last report showed that has been revised since: "CR01 Calls answered: Dec 2012 result revised from 71.2% to 69.8% since the report of December 2012." */
export function revisionNotes(dashboard: Pick<Dashboard, "revisions">): string[] {
  return dashboard.revisions.map((r) => `${label(r)}: ${r.text}.`);
}

/** Adds the data notes: what the committee should know about revised, missing, excluded, late or doubtful figures. */
export function addDataNotesBlock(builder: SheetBuilder, dashboard: Dashboard): void {
  const notes = [...revisionNotes(dashboard), ...indicatorNotes(dashboard), ...diagnosticNotes(dashboard.diagnostics)];
  const texts = notes.length > 0 ? notes : ["All indicators have results for their latest period and no problems were found reading the workbook."];
  addPagedSection(builder, { title: "Data notes", items: texts.map((text) => noteItem(builder, text)) });
}
