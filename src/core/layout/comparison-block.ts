import type { IndicatorResult } from "../dashboard";
import { columnWidths, sheetColumns, spanWidth } from "./columns";
import { indicatorFormat } from "./number-formats";
import { addSectionHeading } from "./section-heading";
import { numberCell, rangeAddress, textCell, type SheetBuilder } from "./sheet-builder";
import { bodyStyle, headerStyle, leftStyle, numberStyle, wrapStyle } from "./styles";
import { headerRowHeight } from "./tables";
import { heightForLines, wrappedLines } from "./text-fit";

/** First column of the merged comparison cell (E), through the last column. */
const wordsFrom = 4;

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
 * with its polarity), its quartile and its rank. Added only when some indicator has them.
 */
export function addComparisonBlock(builder: SheetBuilder, indicators: readonly IndicatorResult[]): void {
  const compared = indicators.filter(isCompared);
  if (compared.length === 0) return;
  const heading = addSectionHeading(builder, "Comparison with other councils");
  const lastCol = sheetColumns - 1;
  const header = builder.addRow([textCell("Ref"), textCell("Indicator"), textCell("Period"), textCell("Result"), textCell("How it compares")], headerRowHeight);
  builder.merge(rangeAddress(header, wordsFrom, header, lastCol));
  builder.style(rangeAddress(header, 0, header, lastCol), headerStyle);
  const first = builder.nextRow;
  const wordsWidth = spanWidth(wordsFrom, lastCol);
  for (const row of compared) {
    const sentence = comparisonSentence(row);
    const lines = Math.max(wrappedLines(row.name, columnWidths[1] ?? 10), wrappedLines(sentence, wordsWidth), wrappedLines(row.period?.label ?? "", columnWidths[2] ?? 10));
    const r = builder.addRow(
      [textCell(row.ref), textCell(row.name), textCell(row.period?.label), numberCell(row.actual, indicatorFormat(row)), textCell(sentence)],
      lines > 1 ? heightForLines(lines) : undefined,
    );
    builder.merge(rangeAddress(r, wordsFrom, r, lastCol));
  }
  const last = builder.nextRow - 1;
  builder.style(rangeAddress(first, 0, last, lastCol), bodyStyle);
  builder.style(rangeAddress(first, 0, last, lastCol), leftStyle);
  builder.style(rangeAddress(first, 1, last, 2), wrapStyle);
  builder.style(rangeAddress(first, 3, last, 3), numberStyle);
  builder.style(rangeAddress(first, wordsFrom, last, lastCol), wrapStyle);
  builder.keepTogether(heading - 1, Math.min(last, first + 2));
}
