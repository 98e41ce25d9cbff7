/**
 * The reporting period, and the "Dashboard" section: title, grouping, and the rule options a
 * team sets once. Every change is reported as new settings; the pane saves them in the workbook.
 */
import { monthNames } from "../core/calendar";
import type { RuleSettings, Settings } from "../core/settings";
import { el, uniqueId, type Child } from "./dom";
import { monthLabel } from "./pane-model";

/** What the options section needs and whom it tells. */
export interface OptionsViewInput {
  readonly settings: Settings;
  /**
   * The settings as they are now. The form is not redrawn after each change (focus stays put), so a
   * second change must start from the first one's result, not from the settings it was drawn with.
   */
  readonly current?: () => Settings;
  readonly onChange: (settings: Settings) => void;
  readonly onRemoveSourceFormatting: () => void;
  /** The analyst asked to clear the report history. */
  readonly onClearHistory: () => void;
}

/** A labelled control: the label's `for` points at the control's id. */
function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uniqueId("field");
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return el("div", { class: "field" }, el("label", { for: id }, label), control, hint && hintId ? el("p", { class: "hint", id: hintId }, hint) : null);
}

/** A tick box with its label beside it. */
function checkField(label: string, control: HTMLInputElement, extra?: Child): HTMLElement {
  const id = control.id || uniqueId("check");
  control.id = id;
  return el("div", { class: "check-field" }, control, el("label", { for: id }, label), extra);
}

/** A select whose options are [value, label] pairs. */
function select(key: string, value: string, options: readonly (readonly [string, string])[]): HTMLSelectElement {
  return el("select", { "data-key": key }, ...options.map(([v, label]) => el("option", { value: v, selected: v === value }, label)));
}

/** A percentage as shown in the pane: 0.05 → "5". */
function percentText(fraction: number): string {
  return String(Math.round(fraction * 10000) / 100);
}

/** Reads a percentage field: "5" → 0.05, blank → null, anything else → undefined (invalid). */
export function parsePercent(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/%$/, "");
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : undefined;
}

/**
 * The reporting period select: "Latest with data" (kept as null, so next month moves on by itself)
 * or a month. `latest` is the month a build without a chosen period would use.
 */
export function renderPeriodField(
  settings: Settings,
  monthsWithResults: readonly string[],
  latest: string | null,
  onChange: (period: string | null) => void,
): HTMLElement {
  const months = [...monthsWithResults];
  if (settings.period !== null && !months.includes(settings.period)) months.unshift(settings.period);
  const period = select("period", settings.period ?? "", [
    ["", latest ? `Latest with data (${monthLabel(latest)})` : "Latest with data"],
    ...months.map((m) => [m, monthLabel(m)] as const),
  ]);
  period.addEventListener("change", () => onChange(period.value === "" ? null : period.value));
  return field("Reporting period", period);
}

/** Renders the section. */
export function renderOptions(input: OptionsViewInput): HTMLElement {
  const { settings } = input;
  const now = (): Settings => input.current?.() ?? input.settings;
  const change = (patch: Partial<Settings>): void => input.onChange({ ...now(), ...patch });
  const changeRules = (patch: Partial<RuleSettings>): void => input.onChange({ ...now(), rules: { ...now().rules, ...patch } });

  const title = el("input", { type: "text", "data-key": "title", value: settings.title, maxlength: 120, autocomplete: "off" });
  title.addEventListener("change", () => change({ title: title.value.trim() || "Performance Dashboard" }));
  const directorate = el("input", { type: "text", "data-key": "directorate", value: settings.directorate, maxlength: 120, autocomplete: "off" });
  directorate.addEventListener("change", () => change({ directorate: directorate.value.trim() }));

  const grouping = select("grouping", settings.grouping, [
    ["frequency", "Frequency (monthly, quarterly, annual)"],
    ["serviceArea", "Service area"],
  ]);
  grouping.addEventListener("change", () => change({ grouping: grouping.value === "serviceArea" ? "serviceArea" : "frequency" }));

  const charts = el("input", { type: "checkbox", "data-key": "charts", checked: settings.charts });
  charts.addEventListener("change", () => change({ charts: charts.checked }));
  const sourceFormatting = el("input", { type: "checkbox", "data-key": "sourceFormatting", checked: settings.sourceFormatting });
  sourceFormatting.addEventListener("change", () => change({ sourceFormatting: sourceFormatting.checked }));
  const removeFormatting = el("button", { type: "button", class: "link", "data-key": "removeFormatting" }, "Remove colouring now");
  removeFormatting.addEventListener("click", input.onRemoveSourceFormatting);
  const recordEveryBuild = el("input", { type: "checkbox", "data-key": "recordEveryBuild", checked: settings.recordEveryBuild });
  recordEveryBuild.addEventListener("change", () => change({ recordEveryBuild: recordEveryBuild.checked }));
  const clearHistory = el("button", { type: "button", class: "link", "data-key": "clearHistory" }, "Clear the report history");
  clearHistory.addEventListener("click", input.onClearHistory);

  const atTarget = select("atTarget", settings.rules.atTarget, [
    ["GREEN", "Green"],
    ["AMBER", "Amber"],
  ]);
  atTarget.addEventListener("change", () => changeRules({ atTarget: atTarget.value === "AMBER" ? "AMBER" : "GREEN" }));
  const atFloor = select("atFloor", settings.rules.atFloor, [
    ["AMBER", "Amber"],
    ["RED", "Red"],
  ]);
  atFloor.addEventListener("change", () => changeRules({ atFloor: atFloor.value === "RED" ? "RED" : "AMBER" }));

  const amber = settings.rules.amberTolerance;
  const amberTolerance = el("input", {
    type: "text",
    inputmode: "decimal",
    "data-key": "amberTolerance",
    value: amber && amber.kind === "percent" ? percentText(amber.value) : "",
    placeholder: "none",
    size: 6,
  });
  const amberError = el("p", { class: "field-error", role: "alert" });
  amberTolerance.addEventListener("change", () => {
    const value = parsePercent(amberTolerance.value);
    amberError.textContent = value === undefined ? "Enter a percentage between 0 and 100, or leave it blank." : "";
    if (value !== undefined) changeRules({ amberTolerance: value === null ? null : { kind: "percent", value } });
  });

  const activity = settings.rules.activityTolerance;
  const activityTolerance = el("input", {
    type: "text",
    inputmode: "decimal",
    "data-key": "activityTolerance",
    value: activity.kind === "percent" ? percentText(activity.value) : String(activity.value),
    size: 6,
  });
  const activityError = el("p", { class: "field-error", role: "alert" });
  activityTolerance.addEventListener("change", () => {
    const value = parsePercent(activityTolerance.value);
    activityError.textContent = value === undefined || value === null ? "Enter a percentage between 0 and 100." : "";
    if (value !== undefined && value !== null) changeRules({ activityTolerance: { kind: "percent", value } });
  });

  const yearStart = select(
    "yearStartMonth",
    String(settings.rules.yearStartMonth),
    monthNames.map((name, i) => [String(i + 1), name] as const),
  );
  yearStart.addEventListener("change", () => changeRules({ yearStartMonth: Number(yearStart.value) }));

  // The rules councils differ on (monitor-only indicators, EXCEEDED, trend-aware alerts, direction of
  // travel against last year, early-year YTD alerts, comparators as targets, a band around 0, the
  // commentary list): each saved under rules, as the command line's --settings reads them.
  const monitorOnly = el("input", {
    type: "text",
    "data-key": "monitorOnly",
    value: settings.rules.monitorOnly.join(", "),
    placeholder: "none",
    autocomplete: "off",
  });
  monitorOnly.addEventListener("change", () =>
    changeRules({
      monitorOnly: monitorOnly.value
        .split(",")
        .map((v) => v.trim())
        .filter((v) => v !== ""),
    }),
  );

  const exceededRule = settings.rules.exceeded;
  const exceeded = el("input", {
    type: "text",
    inputmode: "decimal",
    "data-key": "exceeded",
    value: exceededRule && exceededRule.kind === "percent" ? percentText(exceededRule.value) : "",
    placeholder: "off",
    size: 6,
  });
  const exceededError = el("p", { class: "field-error", role: "alert" });
  exceeded.addEventListener("change", () => {
    const value = parsePercent(exceeded.value);
    exceededError.textContent = value === undefined ? "Enter a percentage between 0 and 100, or leave it blank." : "";
    if (value !== undefined) changeRules({ exceeded: value === null ? null : { kind: "percent", value } });
  });

  const trendAlerts = select("trendAlerts", settings.rules.trendAlerts ?? "", [
    ["", "No: the floor standard decides"],
    ["previous", "Against the previous period"],
    ["lastYear", "Against the same period last year"],
  ]);
  trendAlerts.addEventListener("change", () =>
    changeRules({ trendAlerts: trendAlerts.value === "previous" ? "previous" : trendAlerts.value === "lastYear" ? "lastYear" : null }),
  );

  const dotMethod = select("dotMethod", settings.rules.dotMethod, [
    ["previous", "The previous result"],
    ["lastYear", "The same period last year"],
    ["trend", "The trend of recent results"],
  ]);
  dotMethod.addEventListener("change", () =>
    changeRules({ dotMethod: dotMethod.value === "lastYear" ? "lastYear" : dotMethod.value === "trend" ? "trend" : "previous" }),
  );
  const dotBoth = el("input", { type: "checkbox", "data-key": "dotBoth", checked: settings.rules.dotBoth });
  dotBoth.addEventListener("change", () => changeRules({ dotBoth: dotBoth.checked }));

  const ytdMinMonths = select(
    "ytdMinMonths",
    String(settings.rules.ytdMinMonths),
    Array.from({ length: 12 }, (_, i) => [String(i + 1), i === 0 ? "1 (from the first month)" : String(i + 1)] as const),
  );
  ytdMinMonths.addEventListener("change", () => changeRules({ ytdMinMonths: Number(ytdMinMonths.value) }));

  const comparatorAsTarget = el("input", { type: "checkbox", "data-key": "comparatorAsTarget", checked: settings.rules.comparatorAsTarget });
  comparatorAsTarget.addEventListener("change", () => changeRules({ comparatorAsTarget: comparatorAsTarget.checked }));

  const zeroBand = el("input", {
    type: "text",
    inputmode: "decimal",
    "data-key": "zeroTargetBand",
    value: settings.rules.zeroTargetBand ? String(settings.rules.zeroTargetBand.value) : "",
    placeholder: "none",
    size: 6,
  });
  const zeroBandError = el("p", { class: "field-error", role: "alert" });
  zeroBand.addEventListener("change", () => {
    const text = zeroBand.value.trim();
    const value = text === "" ? null : Number(text);
    const bad = value !== null && (!Number.isFinite(value) || value < 0);
    zeroBandError.textContent = bad ? "Enter a number of 0 or more, or leave it blank." : "";
    if (!bad) changeRules({ zeroTargetBand: value === null ? null : { kind: "absolute", value } });
  });

  const listMissing = el("input", { type: "checkbox", "data-key": "listMissingCommentary", checked: settings.rules.listMissingCommentary });
  listMissing.addEventListener("change", () => changeRules({ listMissingCommentary: listMissing.checked }));

  const headingId = uniqueId("report-heading");
  const details = el(
    "details",
    { class: "more-options", "data-key": "moreOptions" },
    el("summary", {}, "Rules and options"),
    checkField("Add trend charts", charts),
    checkField("Colour the alerts in the source sheets", sourceFormatting, removeFormatting),
    checkField("Record every build as reported", recordEveryBuild, clearHistory),
    field("A result equal to its target is", atTarget),
    field("A result equal to its floor standard is", atFloor),
    field("Without a floor standard, amber within (% of target)", amberTolerance, "Leave blank to go straight from green to red."),
    amberError,
    field("Activity within expected range (± % of forecast)", activityTolerance, "Used when an activity indicator has no thresholds."),
    activityError,
    field("Reporting year starts in", yearStart, "April for the financial year, September for the academic year."),
    field(
      "Monitor only (references or names, separated by commas)",
      monitorOnly,
      'Shown with figures and trend but no alert, such as crime counts. "Data only" in a target cell does the same.',
    ),
    field("EXCEEDED when beyond the target by more than (% of target)", exceeded, "Leave blank for no EXCEEDED status."),
    exceededError,
    field("Off-target alerts follow the trend", trendAlerts, "Amber when better than the comparison, red when not."),
    field("Direction of travel compares with", dotMethod),
    checkField("Show both comparisons in the DoT column", dotBoth),
    field("Hold YTD alerts until the year has run (months)", ytdMinMonths, "4 holds them until the second quarter; until then they show TOO EARLY."),
    checkField("Use the first comparator (such as the national average) as the target where there is none", comparatorAsTarget),
    field(
      "Band around a target of 0 (in the indicator's unit)",
      zeroBand,
      "Used where a band that is a % of the target would be 0; for percentages 0.02 is 2 points.",
    ),
    zeroBandError,
    checkField("List RED or worsened indicators that have no commentary", listMissing),
  );

  return el(
    "section",
    { class: "card", "aria-labelledby": headingId },
    el("h2", { id: headingId }, "Dashboard"),
    field("Title", title),
    field("Directorate", directorate),
    field("Group tables by", grouping),
    details,
  );
}
