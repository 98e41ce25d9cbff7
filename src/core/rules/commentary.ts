import type { IndicatorResult, MissingCommentary } from "../dashboard";
import type { RuleSettings } from "../settings";
import { worsenedAlert } from "./exceptions";

/**
 * The commentary a committee expects: every KPI that is RED, whose alert got worse, or whose
 * direction of travel is Worsened, and that has no commentary, is listed (in the data notes and the
 * task pane) so the analyst can ask its owner before the paper goes out. Excluded and stale
 * indicators, and activity indicators, are not listed. Off with `listMissingCommentary: false`.
 */
export function missingCommentary(results: readonly IndicatorResult[], rules: Pick<RuleSettings, "listMissingCommentary">): MissingCommentary[] {
  if (rules.listMissingCommentary === false) return [];
  const missing: MissingCommentary[] = [];
  for (const r of results) {
    if (r.kind !== "kpi" || r.excluded !== null || r.stale || r.actual === null) continue;
    if (r.commentary !== null && r.commentary.trim() !== "") continue;
    if (r.rag === "RED") missing.push({ id: r.id, ref: r.ref, name: r.name, why: "RED" });
    else if (worsenedAlert(r) !== null || r.dot === "WORSENED") missing.push({ id: r.id, ref: r.ref, name: r.name, why: "worsened" });
  }
  return missing;
}
