import type { Indicator } from "../indicator";
import type { RuleSettings } from "../settings";

/**
 * Monitor-only indicators: crime counts, demand figures and others a council publishes without a
 * target on purpose ("Data only", "Info only", "Monitor", "Contextual", "Tracking"). They are rated
 * MONITOR: shown with their figures, direction of travel and trend, with no colour, no alert and
 * no "no target" warning, and counted apart. NO_TARGET stays for indicators that should have a
 * target and do not. An indicator is monitor only when its sheet says so (a target cell or a Type
 * column in those words) or the `monitorOnly` setting names its reference or name.
 */

/** The reason shown for a MONITOR rating. */
export const monitorReason = "Monitor only: no target is set, so the result is shown for information without an alert";

/** A test of whether an indicator is monitor only, for one build's settings (the names are normalised once). */
export function monitorTest(rules: Pick<RuleSettings, "monitorOnly">): (indicator: Pick<Indicator, "ref" | "name" | "monitorOnly">) => boolean {
  const names = new Set((rules.monitorOnly ?? []).map((n) => n.trim().toLowerCase()).filter((n) => n !== ""));
  return (indicator) => {
    if (indicator.monitorOnly === true) return true;
    if (names.size === 0) return false;
    return (indicator.ref !== null && names.has(indicator.ref.trim().toLowerCase())) || names.has(indicator.name.trim().toLowerCase());
  };
}
