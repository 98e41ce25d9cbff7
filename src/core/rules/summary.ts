import type { IndicatorResult, RagCounts, Summary } from "../dashboard";

/**
 * The summary block: alerts counted overall and by service area (in order of first appearance;
 * indicators without one are counted under "Other"). Activity indicators are counted apart, as
 * they get no alert; so are monitor-only (MONITOR) and EXCEEDED indicators, within the total. Indicators not included in this iteration are listed on the dashboard but
 * not counted.
 */

type MutableCounts = { -readonly [K in keyof RagCounts]: RagCounts[K] };

function emptyCounts(): MutableCounts {
  return { GREEN: 0, AMBER: 0, RED: 0, NO_DATA: 0, NO_TARGET: 0, MONITOR: 0, EXCEEDED: 0, activity: 0, total: 0 };
}

function count(counts: MutableCounts, result: IndicatorResult): void {
  if (result.kind === "activity") counts.activity++;
  else if (result.rag !== null) counts[result.rag]++;
  else return;
  counts.total++;
}

/** The service area an indicator is summarised under. */
export const otherServiceArea = "Other";

/** Counts alerts overall and by service area; see the module note. */
export function summarise(results: readonly IndicatorResult[]): Summary {
  const total = emptyCounts();
  const byArea = new Map<string, MutableCounts>();
  for (const result of results) {
    if (result.excluded !== null) continue;
    const area = result.serviceArea ?? otherServiceArea;
    let counts = byArea.get(area);
    if (!counts) {
      counts = emptyCounts();
      byArea.set(area, counts);
    }
    count(counts, result);
    count(total, result);
  }
  return { total, byServiceArea: [...byArea].map(([serviceArea, counts]) => ({ serviceArea, counts })) };
}
