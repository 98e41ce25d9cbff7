import type { Exception, IndicatorResult, Rag } from "../dashboard";

/**
 * The exception list: every RED, every alert that got worse than the previous period's
 * (Green to Amber, Amber to Red, Green to Red), and every activity outside its expected range.
 * An indicator appears once: a RED that was AMBER last time is one "red" entry whose reason says
 * it moved. Indicators not included in this iteration, and stale results, are not exceptions.
 */

// EXCEEDED is a kind of GREEN: going from it to GREEN is not an alert getting worse.
const severity: Partial<Record<Rag, number>> = { EXCEEDED: 0, GREEN: 0, AMBER: 1, RED: 2 };
const ragWord: Partial<Record<Rag, string>> = { EXCEEDED: "Exceeded", GREEN: "Green", AMBER: "Amber", RED: "Red" };

/** "Moved from Amber to Red" when the alert got worse than the previous period's, else null. */
export function worsenedAlert(result: IndicatorResult): string | null {
  const now = result.rag === null ? undefined : severity[result.rag];
  const before = result.previous?.rag == null ? undefined : severity[result.previous.rag];
  if (now === undefined || before === undefined || now <= before || !result.rag || !result.previous?.rag) return null;
  return `Moved from ${ragWord[result.previous.rag] ?? ""} to ${ragWord[result.rag] ?? ""}`;
}

/** Lists the exceptions among the results, in dashboard order; see the module note. */
export function listExceptions(results: readonly IndicatorResult[]): Exception[] {
  const exceptions: Exception[] = [];
  for (const result of results) {
    if (result.excluded !== null || result.stale) continue;
    const base = { id: result.id, ref: result.ref, name: result.name };
    const moved = worsenedAlert(result);
    const why = result.reason ?? "";
    if (result.rag === "RED") {
      exceptions.push({ ...base, kind: "red", reason: moved ? `${moved}: ${why}` : why });
    } else if (moved) {
      exceptions.push({ ...base, kind: "worsened", reason: `${moved}: ${why}` });
    } else if (result.kind === "activity" && (result.position === "ABOVE" || result.position === "BELOW")) {
      exceptions.push({ ...base, kind: "outside-range", reason: why });
    }
  }
  return exceptions;
}
