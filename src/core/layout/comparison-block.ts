import type { IndicatorResult } from "../dashboard";
import { columnWidths, sheetColumns, spanWidth } from "./columns";
import { indicatorFormat } from "./number-formats";
import { addPagedSection } from "./paged-section";
import { numberCell, rangeAddress, textCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerStyle, leftStyle, numberStyle, wrapStyle } from "./styles";
import { headerRowHeight, styleRunOnBody, styleRunOnHeader, tableRowsOf } from "./tables";
import { heightForLines, proseCharsFor, wrappedLines } from "./text-fit";

/** The sentence's column (E): its text runs over the empty cells to the right, to the last printed column. */
const wordsColumn = 4;
const headings = ["Ref", "Indicator", "Period", "Result", "How it compares"];

/** How one indicator compares with other councils, in one sentence: "Better than the Scottish average (70.0%); top quartile; ranked 4 of 32". */
export function comparisonSentence(row: Pick<IndicatorResult, "comparisons" | "rank" | "quartile">): string {
  const parts = [...row.comparisons.map((c) => c.words), ...(row.quartile ? [row.quartile.words] : []), ...(row.rank ? [row.rank.words] : [])];
  const text = parts.join("; ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when a row has something to compare with: an average, a quartile or a rank. */
function isCompared(row: IndicatorResult): boolean {
  return row.excluded === null && ((row.comparisons?.length ?? 0) > 0 || row.rank != null || row.quartile != null);
}

/**
 * Adds "Comparison with other councils": for each indicator the benchmarking columns describe, its
 * period and result and, in words that read in print, how it stands against each average (judged
 * with its polarity), its quartile and its rank. Added only when some indicator has them. As in the
 * exceptions, the sentence runs on over the empty cells to its right (no merged cells) and wraps in
 * its own cell when it is too long for that line.
 */
export function addComparisonBlock(builder: SheetBuilder, indicators: readonly IndicatorResult[]): void {
  const compared = indicators.filter(isCompared);
  if (compared.length === 0) return;
  const lastCol = sheetColumns - 1;
  const wordsChars = proseCharsFor(spanWidth(wordsColumn, lastCol));
  const longRows: number[] = [];
  const parts = addPagedSection(builder, {
    title: "Comparison with other councils",
    repeat: {
      heights: [headerRowHeight],
      add: () =>
        void builder.addRow(
          headings.map((h) => textCell(h)),
          headerRowHeight,
        ),
    },
    items: compared.map((row) => {
      const sentence = comparisonSentence(row);
      const long = sentence.length > wordsChars;
      const lines = Math.max(
        wrappedLines(row.name, columnWidths[1] ?? 10),
        long ? wrappedLines(sentence, columnWidths[wordsColumn] ?? 10) : 1,
        wrappedLines(row.period?.label ?? "", columnWidths[2] ?? 10),
      );
      const height = lines > 1 ? heightForLines(lines) : undefined;
      return {
        heights: [height],
        add: () => {
          const r = builder.addRow(
            [textCell(row.ref), textCell(row.name), textCell(row.period?.label), numberCell(row.actual, indicatorFormat(row)), textCell(sentence)],
            height,
          );
          if (long) longRows.push(r);
        },
      };
    }),
  });
  // Each style on every part before the next, so a writer can send a style's parts as one call.
  const tables = tableRowsOf(parts);
  const body = tables.filter((t) => t.last >= t.first);
  for (const t of tables) builder.style(rangeAddress(t.header, 0, t.header, wordsColumn - 1), headerStyle);
  styleRunOnHeader(builder, tables, wordsColumn, lastCol);
  for (const t of body) builder.style(rangeAddress(t.first, 0, t.last, wordsColumn - 1), bodyStyle);
  for (const t of body) builder.style(rangeAddress(t.first, 0, t.last, 2), leftStyle);
  for (const t of body) builder.style(rangeAddress(t.first, 1, t.last, 2), wrapStyle);
  for (const t of body) builder.style(rangeAddress(t.first, 3, t.last, 3), numberStyle);
  styleRunOnBody(builder, tables, wordsColumn, lastCol, longRows);
  for (const t of tables) builder.addTable(rangeAddress(t.header, 0, t.last, wordsColumn), headings, "Comparison");
}
