import { monthNumberFrom, quarterPeriodOf, reportingYearStartYear, yearPeriod } from "../calendar";
import { diagnostic, type Diagnostic } from "../diagnostics";
import type { Indicator, Kind, Observation, Polarity } from "../indicator";
import type { Frequency, Period } from "../period";
import type { ColumnRole } from "../settings";
import { ACTIVITY_FIELDS, type Draft, type Obs, type TableContext } from "./draft";
import type { TableHeader } from "./find-tables";
import { isDateFormat } from "./period-text";
import type { SheetView } from "./sheet-view";
import { saysYearToDate } from "./scheme-text";
import { inferUnit } from "./values";

const FREQUENCY_ORDER: readonly Frequency[] = ["month", "quarter", "year", "multiYear", "rolling12"];

/** The frequency the results come in: the one with the most results, months first on a tie; null when there are no observations. Counted in one pass, as it runs for every indicator. */
function resultFrequency(d: Draft): Frequency | null {
  const present = new Set<Frequency>();
  const results = new Map<Frequency, number>();
  d.obs.forEach((o, i) => {
    const frequency = d.frequencies[i] as Frequency;
    present.add(frequency);
    if (o.actual !== null) results.set(frequency, (results.get(frequency) ?? 0) + 1);
  });
  let periodFrequency: Frequency | null = null;
  let best = -1;
  for (const f of FREQUENCY_ORDER) {
    if (!present.has(f)) continue;
    const n = results.get(f) ?? 0;
    if (n > best) {
      best = n;
      periodFrequency = f;
    }
  }
  return periodFrequency;
}

/** Sorts observations by period start (stable); most series arrive in order already, so check before sorting. */
function sortByStart(obs: Obs[]): void {
  let sorted = true;
  for (let i = 1; i < obs.length && sorted; i++) sorted = (obs[i - 1] as Obs).period.start <= (obs[i] as Obs).period.start;
  if (!sorted) obs.sort((a, b) => (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0));
}

/** Moves monthly observations into the quarter or year that contains them (a quarterly indicator kept under month headers). */
function regroup(obs: readonly Obs[], to: "quarter" | "year", yearStartMonth: number): { merged: Obs[]; clashes: number } {
  const byStart = new Map<string, Obs>();
  let clashes = 0;
  for (const o of obs) {
    const month = monthNumberFrom(Number(o.period.start.slice(0, 4)), Number(o.period.start.slice(5, 7)));
    const period = to === "quarter" ? quarterPeriodOf(month, yearStartMonth) : yearPeriod(reportingYearStartYear(month, yearStartMonth), yearStartMonth);
    const existing = byStart.get(period.start);
    const moved = o.inPeriod(period);
    if (!existing) {
      byStart.set(period.start, moved);
    } else if (o.actual !== null) {
      if (existing.actual !== null) clashes++;
      byStart.set(period.start, moved);
    }
  }
  return { merged: [...byStart.values()], clashes };
}

function firstUsefulFormat(formats: readonly string[]): string | null {
  for (const f of formats) if (f !== "General" && f !== "@" && !isDateFormat(f)) return f;
  return null;
}

/**
 * Turns finished drafts into Indicators, counting what the sheet's note reports. Its diagnostics
 * follow all of the rows' own, as they always have.
 */
export class IndicatorMaker {
  readonly indicators: Indicator[] = [];
  /** For each indicator, in step with `indicators`: what identifies it (its reference, else its name and service area) and the cell that says so. */
  readonly identities: { readonly key: string; readonly cell: string }[] = [];
  readonly diagnostics: Diagnostic[] = [];
  kpis = 0;
  activities = 0;
  polarityDefaulted = 0;
  first: Period | null = null;
  last: Period | null = null;
  private readonly hasTargetColumns: boolean;
  private readonly hasActivityColumns: boolean;

  constructor(
    private readonly view: SheetView,
    private readonly header: TableHeader,
    private readonly ctx: TableContext,
  ) {
    this.hasTargetColumns = header.roles.has("target") || header.roles.has("floor") || header.columns.some((c) => c.field === "target" || c.field === "floor");
    this.hasActivityColumns =
      ["expected", "lower", "upper"].some((r) => header.roles.has(r as ColumnRole)) ||
      header.columns.some((c) => c.field !== undefined && ACTIVITY_FIELDS.has(c.field));
  }

  make(d: Draft): void {
    const { view, header, ctx, diagnostics } = this;
    const defaults = ctx.defaults;
    const sheet = view.sheet;
    const where = view.address(d.row, header.roles.get("name") ?? header.roles.get("ref") ?? 0);
    const periodFrequency = resultFrequency(d);
    const ofOtherFrequency = (i: number): boolean => d.frequencies[i] !== periodFrequency;
    let obs = d.obs.filter((_, i) => !ofOtherFrequency(i));
    const dropped = d.obs.length - obs.length === 0 ? 0 : d.obs.filter((o, i) => ofOtherFrequency(i) && o.actual !== null).length;
    if (dropped > 0) {
      diagnostics.push(
        diagnostic(
          "mixed-frequencies",
          sheet,
          where,
          `"${d.name}" on sheet "${sheet}" has results under ${periodFrequency ?? "mixed"} and other period headers: only the ${periodFrequency ?? ""} ones are used.`,
        ),
      );
    }
    const stated = d.frequency ?? defaults?.frequency ?? null;
    let frequency: Frequency = periodFrequency ?? stated ?? "month";
    let rollingInSource = false;
    if (periodFrequency === "rolling12") {
      rollingInSource = true;
    } else if (periodFrequency === "month" && (stated === "rolling12" || (stated === null && ctx.rollingHint))) {
      frequency = "rolling12";
    } else if (periodFrequency === "month" && (stated === "quarter" || stated === "year")) {
      const { merged, clashes } = regroup(obs, stated, ctx.yearStartMonth);
      obs = merged;
      frequency = stated;
      if (clashes > 0) {
        diagnostics.push(
          diagnostic(
            "several-months-in-period",
            sheet,
            where,
            `"${d.name}" on sheet "${sheet}" is ${stated === "quarter" ? "quarterly" : "annual"} but has more than one monthly result in the same ${stated}: the latest month's result is used.`,
          ),
        );
      }
    } else if (stated !== null && periodFrequency !== null && stated !== periodFrequency) {
      diagnostics.push(
        diagnostic(
          "frequency-mismatch",
          sheet,
          where,
          `"${d.name}" on sheet "${sheet}" is marked ${stated === "rolling12" ? "rolling 12 months" : stated} but its periods are ${periodFrequency}s: the periods' frequency is used.`,
        ),
      );
    }
    sortByStart(obs);
    if (d.commentary && obs.length > 0) {
      let target = obs[obs.length - 1];
      for (let i = obs.length - 1; i >= 0; i--) {
        const o = obs[i];
        if (o !== undefined && o.actual !== null) {
          target = o;
          break;
        }
      }
      if (target) {
        target.commentary = d.commentary.text;
        target.recordCell("commentary", d.commentary.col);
      }
    }
    const series: readonly Observation[] = obs;

    const kind: Kind = d.kind ?? defaults?.kind ?? (d.hasActivityFigures || (this.hasActivityColumns && !this.hasTargetColumns) ? "activity" : "kpi");
    let polarity: Polarity = d.polarity ?? defaults?.polarity ?? "higher";
    if (d.polarity === null && defaults?.polarity === undefined && kind === "kpi") {
      this.polarityDefaulted++;
      if (d.polarityCell !== null) {
        diagnostics.push(
          diagnostic(
            "no-polarity",
            sheet,
            d.polarityCell,
            `"${d.name}" on sheet "${sheet}" has no polarity in ${d.polarityCell}: higher is better is assumed.`,
          ),
        );
      }
    }
    if (kind === "activity" && d.polarity === null) polarity = "higher";
    const useTargets = d.results.length === 0;
    const unit =
      d.unit ??
      inferUnit({
        formats: useTargets ? d.targetFormats : d.formats,
        cellUnits: d.cellUnits,
        values: useTargets ? d.targets : d.results,
        name: d.name,
      });
    const numberFormat = firstUsefulFormat(d.formats) ?? firstUsefulFormat(d.targetFormats);
    const serviceArea = d.serviceArea ?? defaults?.serviceArea ?? null;

    this.indicators.push({
      id: `${sheet}!${view.rowNumber(d.row)}`,
      sheet,
      row: view.rowNumber(d.row),
      ref: d.ref,
      name: d.name,
      serviceArea,
      kind,
      polarity,
      frequency,
      unit,
      numberFormat,
      aggregation: d.aggregation,
      tolerance: d.tolerance,
      rollingInSource,
      excluded: d.excluded,
      series,
      monitorOnly: d.monitorOnly,
      cumulative: d.cumulative || saysYearToDate(d.name),
      greenTolerance: d.greenTolerance,
      staleAfterMonths: d.staleAfterMonths,
    });
    const refCol = header.roles.get("ref");
    this.identities.push(
      d.ref !== null
        ? { key: `ref:${d.ref.toLowerCase().replace(/\s+/g, " ")}`, cell: refCol === undefined ? where : view.address(d.row, refCol) }
        : { key: `name:${d.name.replace(/\s+/g, " ")}|${serviceArea ?? ""}`, cell: where },
    );
    if (kind === "kpi") this.kpis++;
    else this.activities++;
    for (const o of series) {
      if (o.actual === null) continue;
      if (this.first === null || o.period.start < this.first.start) this.first = o.period;
      if (this.last === null || o.period.end > this.last.end) this.last = o.period;
    }
  }
}
