import type { Rag } from "../dashboard";
import type { Polarity, Tolerance, Unit } from "../indicator";
import type { RuleSettings } from "../settings";
import { compareFigures } from "./compare";
import { formatDifference, formatTolerance, formatValue } from "./format-value";

/**
 * RAG alerts for one result of a key performance indicator.
 *
 * - GREEN: the target is met (or, with a green tolerance, the result is within it of the target).
 * - AMBER: the target is missed but the floor standard is met; with no floor, the result is within
 *   the amber tolerance of the target (the indicator's own tolerance, else the workbook's).
 * - RED: the floor standard is missed; with no floor, beyond the amber tolerance, or straight from
 *   green to red when there is no tolerance either. A result worse than its floor is never GREEN.
 * - A result exactly on the green threshold takes `atTarget` (default GREEN); exactly on the floor
 *   (or the edge of the amber tolerance) takes `atFloor` (default AMBER). "Exactly" allows for
 *   floating-point noise (see compare.ts).
 * - Close-to-target polarity: GREEN within `targetBand` either side of the target, AMBER within
 *   the floor's distance from the target (or the amber tolerance), RED beyond.
 * - NO_DATA when there is no result (never RED, never zero); NO_TARGET when there is a result
 *   but no target.
 * - EXCEEDED (only with `exceeded` set): the target beaten by more than that margin; a result exactly
 *   on the margin is GREEN. Never for close-to-target indicators, which cannot overshoot well.
 * - A band that is a percentage of the target is no band around a target of 0: `zeroTargetBand`, an
 *   absolute band, is used there instead when it is set (the rules warn either way).
 */

/** The figures and metadata needed to rate one result. */
export interface RateInput {
  readonly actual: number | null;
  readonly target: number | null;
  readonly floor: number | null;
  readonly polarity: Polarity;
  readonly unit: Unit;
  /** The indicator's own amber tolerance, overriding `rules.amberTolerance`. */
  readonly tolerance?: Tolerance | null;
  /** The indicator's own green tolerance, overriding `rules.greenTolerance`. */
  readonly greenTolerance?: Tolerance | null;
  /** What the target is called in the reason: "the target" unless it came from elsewhere ("the Scottish average"). */
  readonly targetWords?: string | undefined;
}

/** An alert with the sentence explaining it. */
export interface Rating {
  readonly rag: Rag;
  readonly reason: string;
}

/** The settings the alert depends on. */
export type RagRules = Pick<RuleSettings, "atTarget" | "atFloor" | "amberTolerance" | "greenTolerance" | "targetBand"> &
  Partial<Pick<RuleSettings, "exceeded" | "zeroTargetBand">>;

function toleranceSize(tolerance: Tolerance, target: number, rules: RagRules): number {
  if (tolerance.kind !== "percent") return tolerance.value;
  // A percentage of 0 is 0: around a target of 0 the absolute band set for it is used, when there is one.
  if (rules.zeroTargetBand && compareFigures(target, 0) === 0) return rules.zeroTargetBand.value;
  return tolerance.value * Math.abs(target);
}

/**
 * True when rating this result uses a band that is a percentage of a target of 0, which is no band
 * at all: the close-to-target band, a green tolerance, the amber tolerance of an indicator with no
 * floor, or the exceeded margin. The rules warn, once per indicator.
 */
export function usesRelativeBandAtZero(input: RateInput, rules: RagRules): boolean {
  if (input.actual === null || input.target === null || compareFigures(input.target, 0) !== 0) return false;
  const percent = (t: Tolerance | null | undefined): boolean => t?.kind === "percent";
  if (input.polarity === "target") return percent(rules.targetBand) || (input.floor === null && percent(input.tolerance ?? rules.amberTolerance));
  return (
    percent(input.greenTolerance ?? rules.greenTolerance) ||
    (input.floor === null && percent(input.tolerance ?? rules.amberTolerance)) ||
    percent(rules.exceeded)
  );
}

function ragName(rag: "GREEN" | "AMBER" | "RED"): string {
  return rag === "GREEN" ? "Green" : rag === "AMBER" ? "Amber" : "Red";
}

/** "12.0 percentage points below the target of 70.0%", or "Equal to the target of 70.0%". */
function against(actual: number, reference: number, what: string, unit: Unit): string {
  const side = compareFigures(actual, reference);
  if (side === 0) return `Equal to ${what} of ${formatValue(reference, unit)}`;
  return `${formatDifference(actual - reference, unit)} ${side > 0 ? "above" : "below"} ${what} of ${formatValue(reference, unit)}`;
}

/** A figure's "goodness" for the polarity: higher is better whatever the polarity. */
function goodness(x: number, polarity: Polarity, target: number): number {
  return polarity === "higher" ? x : polarity === "lower" ? -x : -Math.abs(x - target);
}

/**
 * Which rule decided an alert. Deciding and explaining are kept apart so that figures whose
 * explanation is never shown (the previous period's, the year to date's) are rated without
 * formatting numbers into sentences.
 */
type Verdict =
  | "no-result"
  | "no-target"
  | "beyond-floor"
  | "exceeded"
  | "met-target"
  | "within-green"
  | "equal-to-target"
  | "on-green-edge"
  | "no-amber"
  | "amber"
  | "on-floor"
  | "red";

function verdictOf(input: RateInput, rules: RagRules): Verdict {
  const { actual, target, floor, polarity } = input;
  if (actual === null) return "no-result";
  if (target === null) return "no-target";

  const amberTolerance = input.tolerance ?? rules.amberTolerance;
  const greenTolerance = input.greenTolerance ?? rules.greenTolerance;
  // Everything is rated on a "goodness" score where higher is better, so one set of comparisons
  // serves all three polarities.
  const s = goodness(actual, polarity, target);

  let greenAt: number;
  if (polarity === "target") greenAt = -toleranceSize(rules.targetBand, target, rules);
  else if (greenTolerance) greenAt = goodness(target, polarity, target) - toleranceSize(greenTolerance, target, rules);
  else greenAt = goodness(target, polarity, target);

  let amberAt: number | null = null;
  if (floor !== null) amberAt = polarity === "target" ? -Math.abs(floor - target) : goodness(floor, polarity, target);
  else if (amberTolerance)
    amberAt =
      polarity === "target" ? -toleranceSize(amberTolerance, target, rules) : goodness(target, polarity, target) - toleranceSize(amberTolerance, target, rules);

  // A result worse than its floor is RED whatever the green tolerance says.
  if (floor !== null && amberAt !== null && compareFigures(s, amberAt) < 0) return "beyond-floor";

  const green = compareFigures(s, greenAt);
  if (green > 0) {
    const onTarget = compareFigures(actual, target) === 0;
    const metTarget = polarity !== "target" && compareFigures(s, goodness(target, polarity, target)) >= 0;
    if (metTarget && rules.exceeded && compareFigures(s, goodness(target, polarity, target) + toleranceSize(rules.exceeded, target, rules)) > 0)
      return "exceeded";
    return onTarget || metTarget ? "met-target" : "within-green";
  }
  if (green === 0) return compareFigures(actual, target) === 0 ? "equal-to-target" : "on-green-edge";

  if (amberAt === null) return "no-amber";
  const amber = compareFigures(s, amberAt);
  if (amber > 0) return "amber";
  if (amber === 0) return "on-floor";
  return "red";
}

function ragOf(verdict: Verdict, rules: RagRules): Rag {
  switch (verdict) {
    case "no-result":
      return "NO_DATA";
    case "no-target":
      return "NO_TARGET";
    case "exceeded":
      return "EXCEEDED";
    case "met-target":
    case "within-green":
      return "GREEN";
    case "equal-to-target":
    case "on-green-edge":
      return rules.atTarget;
    case "amber":
      return "AMBER";
    case "on-floor":
      return rules.atFloor;
    case "beyond-floor":
    case "no-amber":
    case "red":
      return "RED";
  }
}

/** The sentence explaining a verdict. */
function reasonFor(verdict: Verdict, input: RateInput, rules: RagRules): string {
  const { actual, target, floor, polarity, unit } = input;
  if (actual === null) return "No result for this period";
  if (target === null) return `A result of ${formatValue(actual, unit)} but no target to rate it against`;

  const amberTolerance = input.tolerance ?? rules.amberTolerance;
  const greenTolerance = input.greenTolerance ?? rules.greenTolerance;
  const toTarget = against(actual, target, input.targetWords ?? "the target", unit);
  const toFloor = floor === null ? "" : against(actual, floor, "the floor standard", unit);
  const floorText = floor === null ? "" : formatValue(floor, unit);
  let greenNote = "";
  if (polarity === "target") greenNote = `, within the green band of ${formatTolerance(rules.targetBand, unit)} either side`;
  else if (greenTolerance) greenNote = `, within the green tolerance of ${formatTolerance(greenTolerance, unit)}`;
  const amberNote = floor !== null ? "" : `the amber tolerance of ${formatTolerance(amberTolerance ?? { kind: "absolute", value: 0 }, unit)}`;

  switch (verdict) {
    case "no-result":
    case "no-target":
      return "";
    case "beyond-floor":
      return polarity === "target" ? `${toTarget}, further from it than the floor standard of ${floorText}` : toFloor;
    case "exceeded":
      return `${toTarget}, beyond it by more than the exceeded margin of ${formatTolerance(rules.exceeded ?? { kind: "absolute", value: 0 }, unit)}`;
    case "met-target":
      return toTarget;
    case "within-green":
      return `${toTarget}${greenNote}`;
    case "equal-to-target": {
      const rag = rules.atTarget;
      return `${toTarget}${rag === "GREEN" ? "" : ` (a result equal to the target is rated ${ragName(rag)})`}`;
    }
    case "on-green-edge": {
      const rag = rules.atTarget;
      const edge = greenNote.replace(", within", ", exactly on the edge of");
      return `${toTarget}${edge}${rag === "GREEN" ? "" : ` (rated ${ragName(rag)})`}`;
    }
    case "no-amber":
      return `${toTarget}, with no floor standard or amber tolerance`;
    case "amber":
      if (floor !== null)
        return polarity === "target"
          ? `${toTarget}, closer to it than the floor standard of ${floorText}`
          : `${toTarget}; meets the floor standard of ${floorText}`;
      return `${toTarget}, within ${amberNote}`;
    case "on-floor": {
      const rag = rules.atFloor;
      const note = rag === "AMBER" ? "" : ` (a result exactly on the floor standard is rated ${ragName(rag)})`;
      if (floor !== null) {
        const base =
          polarity === "target"
            ? `${toTarget}, as far from it as the floor standard of ${floorText}`
            : `${toFloor}, ${toTarget.charAt(0).toLowerCase()}${toTarget.slice(1)}`;
        return `${base}${note}`;
      }
      return `${toTarget}, exactly on the edge of ${amberNote}${rag === "AMBER" ? "" : ` (rated ${ragName(rag)})`}`;
    }
    case "red":
      return floor !== null ? toFloor : `${toTarget}, beyond ${amberNote}`;
  }
}

/** "12.0 percentage points below the target of 70.0%": a result against its target, as the reasons begin. */
export function againstTarget(actual: number, target: number, unit: Unit, targetWords = "the target"): string {
  return against(actual, target, targetWords, unit);
}

/** Rates one result against its target and floor standard; see the module note for the rules. */
export function rateResult(input: RateInput, rules: RagRules): Rating {
  const verdict = verdictOf(input, rules);
  return { rag: ragOf(verdict, rules), reason: reasonFor(verdict, input, rules) };
}

/** The alert rateResult gives, without the sentence explaining it: for figures whose reason is never shown. */
export function alertOf(input: RateInput, rules: RagRules): Rag {
  return ragOf(verdictOf(input, rules), rules);
}
