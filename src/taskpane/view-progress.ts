/** The build's progress by step, and its result: the counts of alerts and a way to the sheet. */
import type { MissingCommentary, RagCounts } from "../core/dashboard";
import { el } from "./dom";
import { buildSteps, type BuildStep } from "./pane-host";
import { ragSummary } from "./pane-model";

const stepLabels: Readonly<Record<BuildStep, string>> = {
  reading: "Reading the sheets",
  rating: "Rating the indicators",
  writing: "Writing the dashboard",
  formatting: "Colouring the source sheets",
  done: "Done",
};

/**
 * The steps list while a build runs: finished steps ticked, the current one marked. The source
 * sheets are only coloured when the settings ask for it, so that step is shown only then.
 */
export function renderProgress(current: BuildStep, colouringSources: boolean): HTMLElement {
  const shown = buildSteps.filter((s) => s !== "done" && (s !== "formatting" || colouringSources));
  const at = current === "done" ? shown.length : shown.indexOf(current);
  return el(
    "ol",
    { class: "steps", "aria-label": "Build progress" },
    ...shown.map((step, i) => {
      const state = i < at ? "done" : i === at ? "current" : "pending";
      return el(
        "li",
        { class: `step ${state}`, "aria-current": state === "current" ? "step" : false },
        el("span", { class: "step-mark", "aria-hidden": "true" }, state === "done" ? "✓" : String(i + 1)),
        el("span", {}, stepLabels[step], state === "current" ? "…" : ""),
        state === "done" ? el("span", { class: "visually-hidden" }, " (finished)") : null,
      );
    }),
  );
}

/** The sentence read out (aria-live) for a step. */
export function progressMessage(step: BuildStep): string {
  return step === "done" ? "Dashboard built." : `${stepLabels[step]}…`;
}

/** What the result offers for the cover report: a button where the host can download, else a sentence saying how to get it. */
export type ReportOffer = { readonly download: () => void } | { readonly download: null };

/** Said on desktop Excel, whose pane cannot save files. */
export const reportOnDesktopWords =
  "To draft the cover report, open this workbook in Excel on the web and build there, or use the command line (kpi-dashboard build … --docx report.docx): Excel on the desktop does not let an add-in save files.";

/**
 * The RED or worsened indicators without commentary, for the analyst to chase before the paper
 * goes out; nothing when there are none.
 */
function renderMissingCommentary(missing: readonly MissingCommentary[]): HTMLElement | null {
  if (missing.length === 0) return null;
  return el(
    "div",
    { class: "missing-commentary", "data-key": "missingCommentary" },
    el("p", { class: "missing-title" }, `Ask for commentary (${missing.length}):`),
    el(
      "ul",
      {},
      ...missing.map((m) => el("li", {}, `${m.ref ? `${m.ref} ` : ""}${m.name}`, el("span", { class: "why" }, m.why === "RED" ? " (RED)" : " (worsened)"))),
    ),
  );
}

/**
 * The result of a build: summary sentence, a bar of alert counts, the indicators still needing
 * commentary, a button to the sheet and the cover report.
 */
export function renderResult(
  counts: RagCounts,
  sheet: string,
  onGoTo: () => void,
  report: ReportOffer = { download: null },
  missingCommentary: readonly MissingCommentary[] = [],
): HTMLElement {
  const goTo = el("button", { type: "button", class: "secondary", "data-key": "goToDashboard" }, `Go to ${sheet}`);
  goTo.addEventListener("click", onGoTo);
  const chips: [string, number, string][] = [
    ...((counts.EXCEEDED ?? 0) > 0 ? [["exceeded", counts.EXCEEDED, "Exceeded"] as [string, number, string]] : []),
    ["green", counts.GREEN, "Green"],
    ["amber", counts.AMBER, "Amber"],
    ["red", counts.RED, "Red"],
    ["nodata", counts.NO_DATA, "No data"],
    ...((counts.MONITOR ?? 0) > 0 ? [["monitor", counts.MONITOR, "Monitor"] as [string, number, string]] : []),
  ];
  return el(
    "div",
    { class: "result" },
    el("p", { class: "result-title" }, el("span", { class: "tick", "aria-hidden": "true" }, "✓"), "Dashboard built"),
    el("p", { class: "result-summary" }, ragSummary(counts)),
    el("ul", { class: "chips", "aria-hidden": "true" }, ...chips.map(([cls, n, label]) => el("li", { class: `chip ${cls}` }, el("strong", {}, n), " ", label))),
    renderMissingCommentary(missingCommentary),
    goTo,
    report.download
      ? (() => {
          const draft = el("button", { type: "button", class: "secondary", "data-key": "draftCoverReport" }, "Draft the cover report");
          const download = report.download;
          draft.addEventListener("click", () => download());
          return draft;
        })()
      : el("p", { class: "hint" }, reportOnDesktopWords),
  );
}
