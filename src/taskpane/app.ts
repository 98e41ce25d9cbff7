/**
 * The task pane: opens on the workbook, shows what was found, and builds the dashboard with
 * one button. Holds the pane's state and redraws its sections from it; Excel is reached only
 * through a PaneHost.
 */
import { latestReportingMonth } from "../core/rules";
import type { Dashboard, RagCounts } from "../core/dashboard";
import { detectWorkbook } from "../core/detection";
import type { Diagnostic } from "../core/diagnostics";
import type { WorkbookReading } from "../core/reading";
import { defaultSettings, type Settings, type SheetMapping } from "../core/settings";
import { el, replaceChildren } from "./dom";
import type { BuildStep, Inspection, PaneHost } from "./pane-host";
import { isSheetIncluded, monthsWithData, plural, ragSummary, withSheetIncluded, withSheetMapping } from "./pane-model";
import { renderDiagnostics } from "./view-diagnostics";
import { renderOptions, renderPeriodField } from "./view-options";
import { progressMessage, renderProgress, renderResult } from "./view-progress";
import { renderSheets } from "./view-sheets";
import { renderSince } from "./view-since";

/** A message at the top of the pane, with a button when there is something to do about it. */
interface Notice {
  readonly kind: "error" | "warning" | "info";
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => void };
}

interface PaneState {
  inspection: Inspection | null;
  settings: Settings;
  /** Detection over every sheet (not only the chosen ones), redone when a mapping changes. */
  reading: WorkbookReading | null;
  editing: string | null;
  step: BuildStep | null;
  result: {
    counts: RagCounts;
    sheet: string;
    dashboard: Dashboard;
    /** The settings it was built with, recorded with it when it is marked as reported. */
    settings: Settings;
    rows: Readonly<Record<string, number>>;
    /** What recording it said, once it is recorded. */
    recorded: string | null;
  } | null;
  diagnostics: readonly Diagnostic[];
  notice: Notice | null;
  /**
   * True while the workbook holds saved settings the pane could not read: they are kept as they
   * are (never overwritten by the defaults) until the analyst chooses to replace them.
   */
  keepSaved: boolean;
}

/** How long the pane waits after the last change before saving settings in the workbook. */
const SAVE_DELAY_MS = 400;

/** The pane's page structure, filled in by the views. */
interface Regions {
  readonly notice: HTMLElement;
  readonly announcer: HTMLElement;
  readonly summary: HTMLElement;
  readonly period: HTMLElement;
  readonly sheets: HTMLElement;
  readonly options: HTMLElement;
  readonly build: HTMLButtonElement;
  readonly status: HTMLElement;
  readonly diagnostics: HTMLElement;
}

/** Starts the pane in `root` against a host; resolves once the workbook has been read (or could not be). */
export async function startPane(root: HTMLElement, host: PaneHost): Promise<void> {
  const support = host.checkSupport();
  if (!support.supported) {
    replaceChildren(
      root,
      el(
        "section",
        { class: "unsupported", role: "alert" },
        el("h1", {}, "KPI Dashboard can't run in this version of Excel"),
        el("p", {}, support.message ?? "This version of Excel does not support the features KPI Dashboard needs."),
      ),
    );
    return;
  }
  const pane = new Pane(root, host);
  await pane.open();
}

class Pane {
  private readonly state: PaneState;
  private readonly regions: Regions;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private building = false;

  constructor(
    root: HTMLElement,
    private readonly host: PaneHost,
  ) {
    this.state = {
      inspection: null,
      settings: defaultSettings(),
      reading: null,
      editing: null,
      step: null,
      result: null,
      diagnostics: [],
      notice: null,
      keepSaved: false,
    };
    const build = el("button", { type: "button", class: "primary build", id: "build", "aria-disabled": "true" }, "Build dashboard");
    build.addEventListener("click", () => void this.build());
    const refresh = el("button", { type: "button", class: "link refresh", title: "Read the workbook again" }, "Refresh");
    refresh.addEventListener("click", () => void this.open());
    this.regions = {
      notice: el("div", { class: "notice-region" }),
      announcer: el("p", { class: "visually-hidden", "aria-live": "polite", role: "status", id: "announcer" }),
      summary: el("p", { class: "found", id: "found" }, "Reading the workbook…"),
      period: el("div", { id: "period" }),
      sheets: el("div", { id: "sheets" }),
      options: el("div", { id: "options" }),
      build,
      status: el("div", { class: "status", id: "status" }),
      diagnostics: el("div", { id: "diagnostics" }),
    };
    replaceChildren(
      root,
      el("header", { class: "pane-header" }, el("h1", {}, "KPI Dashboard"), el("div", { class: "found-row" }, this.regions.summary, refresh)),
      this.regions.announcer,
      this.regions.notice,
      // The monthly path first: period, build, result and what to check. Set-up comes after.
      el("section", { class: "card build-card", "aria-label": "Build" }, this.regions.period, build, this.regions.status),
      this.regions.diagnostics,
      this.regions.sheets,
      this.regions.options,
    );
  }

  /** Reads the workbook and draws everything. */
  async open(): Promise<void> {
    this.regions.summary.textContent = "Reading the workbook…";
    try {
      const inspection = await this.host.inspectWorkbook();
      this.state.inspection = inspection;
      this.state.settings = inspection.settings;
      this.state.reading = this.detect(inspection.settings) ?? inspection.reading;
      this.state.diagnostics = this.state.reading.diagnostics;
      this.state.keepSaved = inspection.settingsProblem !== null;
      this.state.notice = inspection.settingsProblem
        ? {
            kind: "warning",
            text: `${inspection.settingsProblem} The saved value is kept as it is; your choices here are not saved until you replace it.`,
            action: { label: "Replace the saved settings", run: () => void this.replaceSaved() },
          }
        : null;
      this.state.result = null;
    } catch (error) {
      this.state.notice = { kind: "error", text: this.host.describeError(error) };
      this.regions.summary.textContent = "The workbook could not be read.";
    }
    this.renderAll();
  }

  /** Detection over all sheets with the current mapping, so excluded sheets still show their counts. */
  private detect(settings: Settings): WorkbookReading | null {
    const inspection = this.state.inspection;
    if (!inspection) return null;
    try {
      return detectWorkbook(inspection.grids, {
        mapping: settings.mapping,
        yearStartMonth: settings.rules.yearStartMonth,
        sheets: null,
      });
    } catch {
      // Detection should never throw; if it does, the host's own reading is still worth showing.
      return null;
    }
  }

  private renderAll(): void {
    this.renderSummary();
    this.renderNotice();
    this.renderSheets();
    this.renderOptions();
    this.renderBuildButton();
    this.renderStatus();
    this.renderDiagnostics();
  }

  /** Indicators on the chosen sheets. */
  private includedIndicators(): WorkbookReading["indicators"] {
    const reading = this.state.reading;
    if (!reading) return [];
    const included = new Set(reading.sheets.filter((r) => isSheetIncluded(this.state.settings, r)).map((r) => r.sheet));
    return reading.indicators.filter((i) => included.has(i.sheet));
  }

  private renderSummary(): void {
    const reading = this.state.reading;
    if (!reading) return;
    const indicators = this.includedIndicators();
    const sheets = new Set(indicators.map((i) => i.sheet)).size;
    this.regions.summary.textContent =
      indicators.length === 0 ? "No indicators found yet." : `Found ${plural(indicators.length, "indicator")} on ${plural(sheets, "sheet")}.`;
  }

  private renderNotice(): void {
    const notices: Notice[] = [];
    if (this.state.notice) notices.push(this.state.notice);
    if (this.state.reading && this.includedIndicators().length === 0) {
      notices.push({
        kind: "warning",
        text:
          "No indicators were found in the chosen sheets. KPI Dashboard looks for a header row with an indicator " +
          "name column and result columns: either one row per indicator with months or quarters across, or one row " +
          "per indicator per period. Tick a sheet below, or use “Check columns” to show where its table is.",
      });
    }
    replaceChildren(
      this.regions.notice,
      ...notices.map((n) =>
        el(
          "div",
          { class: `notice ${n.kind}`, role: n.kind === "error" ? "alert" : "status" },
          el("strong", {}, n.kind === "error" ? "Something went wrong. " : n.kind === "warning" ? "Please check. " : ""),
          n.text,
          n.action ? noticeButton(n.action) : null,
        ),
      ),
    );
  }

  private renderSheets(): void {
    const inspection = this.state.inspection;
    const reading = this.state.reading;
    if (!inspection || !reading) {
      replaceChildren(this.regions.sheets);
      return;
    }
    swap(
      this.regions.sheets,
      renderSheets({
        readings: reading.sheets,
        grids: inspection.grids,
        settings: this.state.settings,
        editing: this.state.editing,
        onInclude: (sheet, included) => {
          this.update({ ...this.state.settings, sheets: withSheetIncluded(this.state.settings, reading.sheets, sheet, included) });
        },
        onEdit: (sheet) => {
          this.state.editing = sheet;
          this.renderSheets();
        },
        onMapping: (sheet, mapping) => this.applyMapping(sheet, mapping),
      }),
    );
  }

  private renderOptions(): void {
    if (!this.state.reading) {
      replaceChildren(this.regions.period);
      replaceChildren(this.regions.options);
      return;
    }
    const indicators = this.includedIndicators();
    swap(
      this.regions.period,
      renderPeriodField(this.state.settings, monthsWithData(indicators), latestReportingMonth(indicators), (period) =>
        this.update({ ...this.state.settings, period }),
      ),
    );
    swap(
      this.regions.options,
      renderOptions({
        settings: this.state.settings,
        current: () => this.state.settings,
        onChange: (settings) => this.update(settings),
        onRemoveSourceFormatting: () => void this.removeSourceFormatting(),
        onClearHistory: () => void this.clearHistory(),
      }),
    );
  }

  private renderBuildButton(): void {
    const ready = this.state.reading !== null && this.includedIndicators().length > 0 && !this.building;
    // aria-disabled rather than disabled: the button keeps focus while a build runs.
    this.regions.build.setAttribute("aria-disabled", ready ? "false" : "true");
    this.regions.build.textContent = this.building ? "Building…" : "Build dashboard";
  }

  private renderStatus(): void {
    const { step, result } = this.state;
    if (this.building && step) replaceChildren(this.regions.status, renderProgress(step, this.state.settings.sourceFormatting));
    else if (result)
      swap(
        this.regions.status,
        el(
          "div",
          {},
          renderResult(
            result.counts,
            result.sheet,
            () => void this.selectCell(result.sheet, "A1"),
            {
              download: this.host.canDownload() ? () => void this.draftCoverReport(result.dashboard) : null,
            },
            result.dashboard.missingCommentary,
          ),
          renderSince({
            dashboard: result.dashboard,
            rows: result.rows,
            recorded: result.recorded,
            onGoToRow: (row) => void this.selectCell(result.sheet, `A${row}`),
            onMarkAsReported: () => void this.markAsReported(),
          }),
        ),
      );
    else replaceChildren(this.regions.status);
  }

  private renderDiagnostics(): void {
    const section = renderDiagnostics(this.state.diagnostics, (sheet, cell) => void this.selectCell(sheet, cell));
    swap(this.regions.diagnostics, section);
  }

  /** Takes new settings, redraws what depends on them (everything when `redraw`) and saves them shortly after. */
  private update(settings: Settings, redraw = false): void {
    const previous = this.state.settings;
    this.state.settings = settings;
    const redetect = previous.mapping !== settings.mapping || previous.rules.yearStartMonth !== settings.rules.yearStartMonth;
    // A plain option (title, grouping, a rule) changes nothing else on the pane: leave the form alone
    // so that focus and the caret stay where the user is typing.
    if (!redraw && !redetect && previous.sheets === settings.sheets) {
      this.scheduleSave();
      return;
    }
    if (redetect) {
      const reading = this.detect(settings);
      if (reading) {
        this.state.reading = reading;
        this.state.diagnostics = reading.diagnostics;
        this.state.result = null;
      }
    }
    this.renderAll();
    this.scheduleSave();
  }

  private applyMapping(sheet: string, mapping: SheetMapping | null): void {
    this.state.editing = null;
    this.update(withSheetMapping(this.state.settings, sheet, mapping));
    const found = this.state.reading?.sheets.find((r) => r.sheet === sheet);
    if (found) this.announce(`${sheet}: ${found.kpis} KPIs and ${found.activities} activity indicators found with these columns.`);
  }

  private scheduleSave(): void {
    if (this.state.keepSaved) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  private async saveNow(): Promise<boolean> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.state.keepSaved) return false;
    try {
      await this.host.saveSettings(this.state.settings);
      return true;
    } catch (error) {
      this.state.notice = { kind: "warning", text: `Your choices could not be saved in the workbook. ${this.host.describeError(error)}` };
      this.renderNotice();
      return false;
    }
  }

  /** The analyst chose to replace saved settings the pane could not read with the ones shown. */
  private async replaceSaved(): Promise<void> {
    this.state.keepSaved = false;
    const saved = await this.saveNow();
    this.state.notice = saved ? { kind: "info", text: "Your choices are saved in the workbook." } : this.state.notice;
    this.renderNotice();
  }

  /** Drafts the cover report of the dashboard just built and downloads it; the code for it loads only now. */
  private async draftCoverReport(dashboard: Dashboard): Promise<void> {
    this.announce("Drafting the cover report…");
    try {
      const { downloadCoverReport } = await import(/* webpackChunkName: "cover-report" */ "./cover-report-download");
      await downloadCoverReport(dashboard);
      this.announce("The cover report is downloaded.");
    } catch (error) {
      const text = `The cover report could not be drafted: ${error instanceof Error ? error.message : String(error)}`;
      this.state.notice = { kind: "error", text };
      this.renderNotice();
      this.announce(text);
    }
  }

  private async build(): Promise<void> {
    if (this.building || this.regions.build.getAttribute("aria-disabled") === "true") return;
    this.building = true;
    this.state.step = "reading";
    this.state.result = null;
    this.state.notice = null;
    this.renderNotice();
    this.renderBuildButton();
    this.renderStatus();
    this.announce(progressMessage("reading"));
    try {
      await this.saveNow();
      const built = this.state.settings;
      const { dashboard, sheetName, warnings, rows, recorded } = await this.host.buildDashboard(built, (step) => {
        this.state.step = step;
        this.renderStatus();
        this.announce(progressMessage(step));
      });
      this.state.result = { counts: dashboard.summary.total, sheet: sheetName, dashboard, settings: built, rows, recorded };
      this.state.diagnostics = dashboard.diagnostics;
      if (warnings.length > 0) this.state.notice = { kind: "warning", text: warnings.join(" ") };
      this.announce(`Dashboard built. ${ragSummary(dashboard.summary.total)}.${warnings.length > 0 ? ` ${warnings.join(" ")}` : ""}`);
    } catch (error) {
      const text = this.host.describeError(error);
      this.state.notice = { kind: "error", text };
      this.announce(text);
    } finally {
      this.building = false;
      this.state.step = null;
      this.renderNotice();
      this.renderBuildButton();
      this.renderStatus();
      this.renderDiagnostics();
      this.regions.status.scrollIntoView?.({ block: "nearest" });
    }
  }

  private async selectCell(sheet: string, cell: string | null): Promise<void> {
    try {
      await this.host.selectCell(sheet, cell);
    } catch (error) {
      this.state.notice = { kind: "error", text: this.host.describeError(error) };
      this.renderNotice();
    }
  }

  /** Records the dashboard just built as the report the committee is given. */
  private async markAsReported(): Promise<void> {
    const result = this.state.result;
    if (!result || result.recorded) return;
    try {
      result.recorded = await this.host.markAsReported(result.dashboard, result.settings);
      this.announce(result.recorded);
    } catch (error) {
      this.state.notice = { kind: "error", text: this.host.describeError(error) };
      this.renderNotice();
    }
    this.renderStatus();
  }

  private async clearHistory(): Promise<void> {
    try {
      const had = await this.host.clearReportHistory();
      this.state.notice = {
        kind: "info",
        text: had ? "The report history was cleared: the next report recorded starts a new one." : "This workbook has no report history.",
      };
    } catch (error) {
      this.state.notice = { kind: "error", text: this.host.describeError(error) };
    }
    this.renderNotice();
  }

  private async removeSourceFormatting(): Promise<void> {
    try {
      await this.host.removeSourceFormatting();
      this.state.notice = { kind: "info", text: "The alert colouring was removed from the source sheets." };
      this.update({ ...this.state.settings, sourceFormatting: false }, true);
    } catch (error) {
      this.state.notice = { kind: "error", text: this.host.describeError(error) };
      this.renderNotice();
    }
  }

  /** Says something to screen readers through the live region. */
  private announce(text: string): void {
    this.regions.announcer.textContent = text;
  }
}

/** The button of a notice that has something to do. */
function noticeButton(action: NonNullable<Notice["action"]>): HTMLElement {
  const button = el("button", { type: "button", class: "secondary notice-action", "data-key": "noticeAction" }, action.label);
  button.addEventListener("click", action.run);
  return button;
}

/**
 * Replaces a region's content, keeping keyboard focus and the open or folded state of <details>
 * on the element with the same data-key, so redrawing after a change does not throw the user
 * back to the top.
 */
function swap(region: HTMLElement, content: HTMLElement | null): void {
  const active = document.activeElement;
  // A control that disappears on redraw (the column editor's buttons) names where focus goes next.
  const focusKey = active && region.contains(active) ? (active.getAttribute("data-focus-after") ?? active.getAttribute("data-key") ?? active.id) : null;
  const wasOpen = new Map<string, boolean>();
  for (const d of Array.from(region.querySelectorAll("details"))) wasOpen.set(d.getAttribute("data-key") ?? "", d.open);
  replaceChildren(region, content);
  for (const d of Array.from(region.querySelectorAll("details"))) {
    const open = wasOpen.get(d.getAttribute("data-key") ?? "");
    if (open !== undefined) d.open = open;
  }
  if (focusKey) {
    const target = Array.from(region.querySelectorAll<HTMLElement>("[data-key], [id]")).find(
      (e) => e.getAttribute("data-key") === focusKey || e.id === focusKey,
    );
    target?.focus();
  }
}
