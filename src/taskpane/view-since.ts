/**
 * After a build: what changed since the last report ("Since the report of December 2012: 2
 * improved to green, 1 fell to red, 3 figures revised"), each change and each revised figure a
 * link to its row on the dashboard, and the "Mark as reported" button that records the dashboard
 * just built as the report the committee is given.
 */
import type { Dashboard } from "../core/dashboard";
import { changesInWords } from "../core/history";
import { el } from "./dom";

/** What the view needs. */
export interface SinceViewInput {
  readonly dashboard: Dashboard;
  /** The dashboard sheet's row of each indicator, by id. */
  readonly rows: Readonly<Record<string, number>>;
  /** What recording said, once this dashboard has been recorded; null until then. */
  readonly recorded: string | null;
  readonly onGoToRow: (row: number) => void;
  readonly onMarkAsReported: () => void;
}

function rowLink(text: string, row: number | undefined, onGoToRow: (row: number) => void): HTMLElement {
  if (row === undefined) return el("li", {}, text);
  const button = el("button", { type: "button", class: "link since-link", "data-key": `row-${row}-${text.slice(0, 24)}` }, text);
  button.addEventListener("click", () => onGoToRow(row));
  return el("li", {}, button);
}

/** Renders the section. */
export function renderSince(input: SinceViewInput): HTMLElement {
  const { dashboard, rows, onGoToRow } = input;
  const changes = dashboard.changes;
  const summary = changesInWords(changes);
  const items = [
    ...changes.entries.map((e) => rowLink(e.text, e.id === null ? undefined : rows[e.id], onGoToRow)),
    ...dashboard.revisions.map((r) => rowLink(`${r.ref ? `${r.ref} ` : ""}${r.name}: ${r.text}`, rows[r.id], onGoToRow)),
  ];
  const mark = el("button", { type: "button", class: "secondary", "data-key": "markAsReported" }, "Mark as reported");
  mark.addEventListener("click", input.onMarkAsReported);
  return el(
    "div",
    { class: "since", "data-key": "since" },
    summary ? el("p", { class: "since-summary" }, summary) : null,
    items.length > 0 ? el("ul", { class: "since-list" }, ...items) : null,
    ...changes.notes.map((n) => el("p", { class: "since-note" }, n)),
    input.recorded
      ? el("p", { class: "since-recorded", role: "status" }, input.recorded)
      : el(
          "div",
          { class: "since-mark" },
          mark,
          el("p", { class: "hint" }, "Record this dashboard as the report the committee is given, so next month shows what changed since."),
        ),
  );
}
