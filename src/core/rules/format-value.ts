import type { Tolerance, Unit } from "../indicator";

/**
 * Numbers in words for reasons, guidance and the dashboard: by unit, with thousands separators,
 * independent of the machine's locale so every host prints the same text. Percentages are held
 * as fractions (0.721) as Excel holds them.
 */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A non-negative number with thousands separators and at most `decimals` decimals (trailing zeros dropped). */
function plainNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction = ""] = fixed.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return trimmed ? `${groupThousands(whole)}.${trimmed}` : groupThousands(whole);
}

/** Negative sign only when the rounded text is not zero, so -0.0001 prints as "0". */
function signed(value: number, text: string): string {
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * A value as people read it: percentage 0.721 → "72.1%", count 1234 → "1,234",
 * money 2500000 → "£2,500,000" (pence shown only when there are some: "£12.50"), number 3.25 → "3.25".
 */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case "percentage":
      return signed(value, `${Math.abs(value * 100).toFixed(1)}%`);
    case "money": {
      const pounds = Number.isInteger(Math.round(value * 100) / 100)
        ? plainNumber(value, 0)
        : Math.abs(value)
            .toFixed(2)
            .replace(/^(\d+)/, (d) => groupThousands(d));
      return signed(value, `£${pounds}`);
    }
    case "count":
      return signed(value, plainNumber(value, 1));
    case "number":
      return signed(value, plainNumber(value, 2));
  }
}

/**
 * The size of a difference between two values of a unit, without sign: for percentages the
 * difference is in percentage points ("12.0 percentage points"), never a percentage of a percentage.
 */
export function formatDifference(difference: number, unit: Unit): string {
  const size = Math.abs(difference);
  if (unit === "percentage") return `${(size * 100).toFixed(1)} percentage points`;
  return formatValue(size, unit);
}

/** A fraction as a plain percentage, trailing zeros dropped: 0.05 → "5%", 0.025 → "2.5%" (at most `decimals` decimals, default 2). */
export function formatPercent(fraction: number, decimals = 2): string {
  return `${signed(fraction, plainNumber(fraction * 100, decimals))}%`;
}

/** A tolerance as people read it: percent 0.05 → "5% of the target"; absolute → "2.0 percentage points", "35". */
export function formatTolerance(tolerance: { readonly kind: Tolerance["kind"]; readonly value: number }, unit: Unit, of = "the target"): string {
  return tolerance.kind === "percent" ? `${formatPercent(tolerance.value)} of ${of}` : formatDifference(tolerance.value, unit);
}
