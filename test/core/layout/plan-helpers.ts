import { columnIndex } from "../../../src/core/a1";
import type { PlanValue, SheetPlan } from "../../../src/core/sheet-plan";
import { SheetBuilder } from "../../../src/core/layout/sheet-builder";
import { sheetColumns } from "../../../src/core/layout/columns";

/** A fresh builder as wide as the dashboard. */
export function newBuilder(): SheetBuilder {
  return new SheetBuilder(sheetColumns);
}

/** 1-based number of the first row whose column A (or `column`) equals `text`; throws when absent so a test fails clearly. */
export function rowOf(values: readonly (readonly PlanValue[])[], text: string, column = 0): number {
  const index = values.findIndex((r) => r[column] === text);
  if (index < 0) throw new Error(`No row with "${text}" in column ${column}`);
  return index + 1;
}

/** The value at an A1 address of a plan. */
export function valueAt(plan: Pick<SheetPlan, "values">, address: string): PlanValue | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m || !m[1] || !m[2]) return undefined;
  return plan.values[Number(m[2]) - 1]?.[columnIndex(m[1])];
}

/** The number format at an A1 address of a plan. */
export function formatAt(plan: Pick<SheetPlan, "numberFormats">, address: string): string | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m || !m[1] || !m[2]) return undefined;
  return plan.numberFormats[Number(m[2]) - 1]?.[columnIndex(m[1])];
}
