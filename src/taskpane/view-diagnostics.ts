/**
 * The list of things the analyst should know about the workbook. Each one that names a cell
 * is a button: clicking it (or Enter) selects that cell in Excel.
 */
import type { Diagnostic, Severity } from "../core/diagnostics";
import { el, uniqueId } from "./dom";

const severityOrder: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const severityLabels: Readonly<Record<Severity, string>> = { error: "Error", warning: "Warning", info: "Note" };

/** How many diagnostics are listed before "and n more". */
export const DIAGNOSTICS_SHOWN = 100;

/** Where a diagnostic points, as Excel writes it: "Crime!C7", "Crime", or "Workbook". */
export function diagnosticLocation(d: Diagnostic): string {
  if (d.sheet === null) return "Workbook";
  return d.cell === null ? d.sheet : `${d.sheet}!${d.cell}`;
}

/** Diagnostics in the order to read them: errors first, then by sheet in workbook order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => severityOrder[a.d.severity] - severityOrder[b.d.severity] || a.i - b.i)
    .map(({ d }) => d);
}

/** Up to this many diagnostics, the list starts open. */
const DIAGNOSTICS_OPEN = 6;

/** Renders the section, or nothing when there is nothing to say. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], onSelect: (sheet: string, cell: string | null) => void): HTMLElement | null {
  if (diagnostics.length === 0) return null;
  const sorted = sortDiagnostics(diagnostics);
  const headingId = uniqueId("diagnostics-heading");
  const items = sorted.slice(0, DIAGNOSTICS_SHOWN).map((d, i) => {
    const body = [
      el("span", { class: `severity ${d.severity}` }, severityLabels[d.severity]),
      el("span", { class: "where" }, diagnosticLocation(d)),
      el("span", { class: "message" }, d.message),
    ];
    const sheet = d.sheet;
    if (sheet === null) return el("li", { class: "diagnostic" }, el("div", { class: "diagnostic-body" }, ...body));
    const button = el("button", { type: "button", class: "diagnostic-body", "data-key": `diagnostic:${i}`, title: `Select ${diagnosticLocation(d)}` }, ...body);
    button.addEventListener("click", () => onSelect(sheet, d.cell));
    return el("li", { class: "diagnostic" }, button);
  });
  const more = sorted.length - DIAGNOSTICS_SHOWN;
  const counts = (["error", "warning", "info"] as const)
    .map((s) => [s, diagnostics.filter((d) => d.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${severityLabels[s].toLowerCase()}${n === 1 ? "" : "s"}`)
    .join(", ");
  // A long list starts folded so it does not push the sheets out of sight; errors always show.
  const open = diagnostics.length <= DIAGNOSTICS_OPEN || diagnostics.some((d) => d.severity === "error");
  return el(
    "details",
    { class: "card diagnostics-card", "data-key": "diagnostics", open },
    el("summary", {}, el("h2", { id: headingId }, "Things to check ", el("span", { class: "count" }, `(${counts})`))),
    el("p", { class: "hint" }, "Select one to go to its cell."),
    el("ul", { class: "diagnostics", "aria-labelledby": headingId }, ...items),
    more > 0 ? el("p", { class: "muted" }, `… and ${more} more.`) : null,
  );
}
