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
  // One pass into buckets, in first-seen order: filtering the whole list once per service area
  // cost indicators × areas.
  const groups: TableGroup[] = [];
  if (grouping === "serviceArea") {
    const byArea = new Map<string, { kpi: IndicatorResult[]; activity: IndicatorResult[] }>();
    for (const i of indicators) {
      if (i.excluded !== null) continue;
      const area = i.serviceArea?.trim() || otherAreaWords;
      let bucket = byArea.get(area);
      if (!bucket) {
        bucket = { kpi: [], activity: [] };
        byArea.set(area, bucket);
      }
      bucket[i.kind].push(i);
    }
    for (const [area, bucket] of byArea) {
      for (const kind of ["kpi", "activity"] as const) {
        if (bucket[kind].length > 0) groups.push({ kind, title: `${area}: ${kindWords[kind]}`, indicators: bucket[kind] });
      }
    }
    return groups;
  }
  const byKind = { kpi: new Map<Frequency, IndicatorResult[]>(), activity: new Map<Frequency, IndicatorResult[]>() };
  for (const i of indicators) {
    if (i.excluded !== null) continue;
    const members = byKind[i.kind].get(i.frequency);
    if (members) members.push(i);
    else byKind[i.kind].set(i.frequency, [i]);
  }
  for (const kind of ["kpi", "activity"] as const) {
    for (const frequency of frequencyOrder) {
      const members = byKind[kind].get(frequency);
      if (members && members.length > 0) groups.push({ kind, title: `${frequencyTitles[frequency]} ${kindWords[kind]}`, indicators: members });
    }
  }
  return groups;
}
