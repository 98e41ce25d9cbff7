import { minPartRows, planParts } from "./page-flow";
import { addSectionHeading, gapHeight, sectionHeight } from "./section-heading";
import { rowRange, textCell, type SheetBuilder } from "./sheet-builder";
import { sectionStyle } from "./styles";
import { defaultRowHeight } from "./text-fit";

/**
 * A section of the dashboard laid out by the page rules of page-flow.ts: its heading, the rows
 * repeated at the top of each part (a table's column headings) and its items, split into parts
 * where the page is full, each later part under "<heading> (continued)".
 */

/** An item of a section: rows that print together (a table row, a note's lines, a row of charts). */
export interface SectionItem {
  /** Heights of its rows in points (undefined: the default height). */
  readonly heights: readonly (number | undefined)[];
  /** Adds its rows to the builder. */
  readonly add: () => void;
}

/** The rows one part of a section took. */
export interface SectionPart {
  readonly index: number;
  /** The part's heading row ("Summary", or "Summary (continued)"). */
  readonly heading: number;
  /** The row of the repeated column headings, or null when the section has none. */
  readonly header: number | null;
  /** The part's first and last item rows (first > last when it has no items). */
  readonly first: number;
  readonly last: number;
  /** The items it holds, by index (`to` exclusive). */
  readonly items: { readonly from: number; readonly to: number };
}

/** A section to lay out. */
export interface PagedSection {
  readonly title: string;
  /** The rows repeated at the top of every part, and how to add them (once a part). */
  readonly repeat?: { readonly heights: readonly (number | undefined)[]; readonly add: () => void };
  readonly items: readonly SectionItem[];
  /** Fit in what is left of the page or start a new one, even when longer than a page (the guidance notes). */
  readonly wholeOrFresh?: boolean;
}

const sum = (heights: readonly (number | undefined)[]): number => heights.reduce<number>((s, h) => s + (h ?? defaultRowHeight), 0);

/** Adds a section by the page rules and returns its parts, for the block to style and mark as tables. */
export function addPagedSection(builder: SheetBuilder, section: PagedSection): SectionPart[] {
  const plan = planParts({
    room: builder.roomLeft(),
    pageRoom: builder.pageRoom,
    headHeight: gapHeight + sectionHeight,
    repeatHeight: section.repeat ? sum(section.repeat.heights) : 0,
    continuedHeight: sectionHeight,
    items: section.items.map((item) => ({ height: sum(item.heights), rows: item.heights.length })),
    minRows: minPartRows,
    ...(section.wholeOrFresh ? { wholeOrFresh: true } : {}),
  });
  const parts: SectionPart[] = [];
  plan.parts.forEach(({ from, to }, index) => {
    let heading: number;
    if (index === 0) {
      heading = addSectionHeading(builder, section.title);
    } else {
      heading = builder.addRow([textCell(`${section.title} (continued)`)], sectionHeight);
      builder.style(rowRange(heading, builder.cols), sectionStyle);
    }
    let header: number | null = null;
    if (section.repeat) {
      header = builder.nextRow;
      section.repeat.add();
    }
    const first = builder.nextRow;
    for (let k = from; k < to; k++) section.items[k]?.add();
    const last = builder.nextRow - 1;
    // The part prints whole on one page: the page estimate breaks before it when it does not fit,
    // which is where the rules above put the break (for the first part, with the gap above it).
    builder.keepTogether(index === 0 ? heading - 1 : heading, Math.max(last, header ?? heading));
    parts.push({ index, heading, header, first, last, items: { from, to } });
  });
  return parts;
}
