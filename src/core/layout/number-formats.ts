import type { IndicatorResult } from "../dashboard";
import type { Unit } from "../indicator";

/** Number format for text cells: the value is kept as typed, never parsed or evaluated. */
export const textFormat = "@";

/** Number format for cells with nothing in them. */
export const generalFormat = "General";

/** Format for a count on the summary table: a zero prints as a dash so the counts that matter stand out. */
export const countFormat = '#,##0;-#,##0;"–"';

const unitFormats: Record<Unit, string> = {
  percentage: "0.0%",
  money: "£#,##0",
  count: "#,##0",
  number: "#,##0.0",
};

/** The format for an indicator's figures: the source's own format when it has one worth keeping, else one for its unit. */
export function indicatorFormat(indicator: Pick<IndicatorResult, "unit" | "numberFormat">): string {
  const own = indicator.numberFormat?.trim();
  if (own && own.toLowerCase() !== "general" && own !== textFormat) return own;
  return unitFormats[indicator.unit];
}

/** The format for a variance in the indicator's unit, always signed ("+1,234", "-12.5%"). */
export function varianceFormat(indicator: Pick<IndicatorResult, "unit" | "numberFormat">): string {
  const base = indicatorFormat(indicator);
  // A format with sections of its own cannot take a sign prefix safely.
  if (base.includes(";")) return base;
  return `+${base};-${base};${base}`;
}

/** Signed percentage format for "Variance %". */
export const variancePercentFormat = "+0.0%;-0.0%;0.0%";
