import type { CellValue } from "../../src/core/grid";
import type { FakeSheetInit } from "./fake-excel";

/** Month headers Apr-12 … as text, the way teams often type them. */
const months = ["Apr-12", "May-12", "Jun-12", "Jul-12", "Aug-12", "Sep-12"];

/**
 * A wide monthly KPI sheet with `count` indicators (title on row 1, header on row 3), alternating
 * higher- and lower-is-better, with targets and floors: the shape detection reads as a wide table.
 */
export function kpiSheet(count: number, name = "KPIs"): FakeSheetInit {
  const header = ["Ref", "Indicator", "Service area", "Polarity", "Target", "Floor", ...months];
  const width = header.length;
  const pad = (row: CellValue[]): CellValue[] => [...row, ...Array<CellValue>(width - row.length).fill("")];
  const values: CellValue[][] = [pad(["Customer & Communities indicators"]), pad([]), header];
  for (let i = 0; i < count; i++) {
    const lower = i % 2 === 1;
    values.push([
      `KPI ${i + 1}`,
      `Indicator number ${i + 1}`,
      i % 3 === 0 ? "Libraries" : "Community Safety",
      lower ? "Lower is better" : "Higher is better",
      lower ? 40 : 80,
      lower ? 50 : 70,
      ...months.map((_, j) => 35 + ((i * 7 + j * 5) % 50)),
    ]);
  }
  return { name, values };
}

/** A notes sheet with no indicator table. */
export function notesSheet(): FakeSheetInit {
  return { name: "Notes", values: [["These figures are provisional."], ["=not a formula, typed as text"]] };
}
