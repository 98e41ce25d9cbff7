import type { IndicatorResult } from "../dashboard";
import type { Frequency } from "../period";
import type { Settings } from "../settings";

/** One table of the dashboard: its heading and the indicators in it, in workbook order. */
export interface TableGroup {
  readonly kind: "kpi" | "activity";
  readonly title: string;
  readonly indicators: readonly IndicatorResult[];
}

const frequencyOrder: readonly Frequency[] = ["month", "quarter", "year", "multiYear", "rolling12"];

const frequencyTitles: Record<Frequency, string> = {
  month: "Monthly",
  quarter: "Quarterly",
  year: "Annual",
  multiYear: "Multi-year",
  rolling12: "Rolling 12-month",
};

const kindWords = { kpi: "key performance indicators", activity: "activity indicators" } as const;

/** Heading used for indicators with no service area when tables are grouped by service area. */
export const otherAreaWords = "Other indicators";

/**
 * Splits the indicators shown on the dashboard into tables: by frequency (all KPI tables, then
 * all activity tables, each in the order Monthly, Quarterly, Annual, Rolling 12 months) or by
 * service area (in workbook order, each area's KPIs then its activity). Excluded indicators are
 * left out; the data notes say why. Empty tables are not made.
 */
export function groupIndicators(indicators: readonly IndicatorResult[], grouping: Settings["grouping"]): TableGroup[] {
  const shown = indicators.filter((i) => i.excluded === null);
  const groups: TableGroup[] = [];
  if (grouping === "serviceArea") {
    const areas: string[] = [];
    for (const i of shown) {
      const area = i.serviceArea?.trim() || otherAreaWords;
      if (!areas.includes(area)) areas.push(area);
    }
    for (const area of areas) {
      for (const kind of ["kpi", "activity"] as const) {
        const members = shown.filter((i) => i.kind === kind && (i.serviceArea?.trim() || otherAreaWords) === area);
        if (members.length > 0) groups.push({ kind, title: `${area}: ${kindWords[kind]}`, indicators: members });
      }
    }
    return groups;
  }
  for (const kind of ["kpi", "activity"] as const) {
    for (const frequency of frequencyOrder) {
      const members = shown.filter((i) => i.kind === kind && i.frequency === frequency);
      if (members.length > 0) groups.push({ kind, title: `${frequencyTitles[frequency]} ${kindWords[kind]}`, indicators: members });
    }
  }
  return groups;
}
