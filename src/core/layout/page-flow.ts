import { estimateRowBreaks, type PageFlow } from "./print-setup";
import { defaultRowHeight } from "./text-fit";

/**
 * The page-break rules of a committee paper, on top of the page estimate (print-setup.ts): a
 * section that fits on a page is never split; one that does not fit in what is left of a page
 * moves to the next; one longer than a page is split where the page is full, each part under its
 * heading "(continued)" and its column headings, so every page starts with a section title or a
 * table's headings; no part holds fewer than six rows (the break moves instead); and the
 * guidance notes fit where they are or start a page of their own. The rules decide the parts as
 * the sheet is laid out (paged-section.ts); the estimate, given the runs to keep together, then
 * places the same breaks, and `pageStarts` lists every page it makes.
 */

/** Fewest rows of a section a page may hold when the section is split across pages. */
export const minPartRows = 6;

/** The size of one item of a section: a table row, a note's lines, a row of charts. Items are never split. */
export interface ItemSize {
  readonly height: number;
  readonly rows: number;
}

/** What `planParts` needs to know: the room on the page, the section's fixed rows and its items. */
export interface PartsRequest {
  /** Points left on the current page. */
  readonly room: number;
  /** Points on an empty page, below the rows repeated at the top of every page. */
  readonly pageRoom: number;
  /** The section's heading (and the gap above it), on its first part. */
  readonly headHeight: number;
  /** Rows repeated at the top of every part (a table's column headings); 0 for none. */
  readonly repeatHeight: number;
  /** The "(continued)" heading of every later part. */
  readonly continuedHeight: number;
  readonly items: readonly ItemSize[];
  /** Fewest rows a part of a split section may hold. */
  readonly minRows: number;
  /** The section must fit in what is left of the page or start a new one, even when it is longer than a page. */
  readonly wholeOrFresh?: boolean;
}

/** Where a section goes: whether it starts a new page, and its parts (item index ranges, `to` exclusive), one a page. */
export interface PartsPlan {
  readonly startsPage: boolean;
  readonly parts: readonly { readonly from: number; readonly to: number }[];
}

/** Decides where a section's parts go, by the rules above. */
export function planParts(request: PartsRequest): PartsPlan {
  const { items, minRows } = request;
  const n = items.length;
  const height = (from: number, to: number): number => {
    let sum = 0;
    for (let k = from; k < to; k++) sum += items[k]?.height ?? 0;
    return sum;
  };
  const rows = (from: number, to: number): number => {
    let sum = 0;
    for (let k = from; k < to; k++) sum += items[k]?.rows ?? 0;
    return sum;
  };
  const whole = request.headHeight + request.repeatHeight + height(0, n);
  if (whole <= request.room) return { startsPage: false, parts: [{ from: 0, to: n }] };
  if (whole <= request.pageRoom) return { startsPage: true, parts: [{ from: 0, to: n }] };

  /** The end of a part that starts at item `from` with `room` points for items: as many as fit, at least one. */
  const fill = (from: number, room: number, atLeastOne: boolean): number => {
    let used = 0;
    let k = from;
    while (k < n && used + (items[k]?.height ?? 0) <= room) used += items[k++]?.height ?? 0;
    return k === from && atLeastOne ? Math.min(n, from + 1) : k;
  };
  const firstRoom = (room: number): number => room - request.headHeight - request.repeatHeight;
  const laterRoom = request.pageRoom - request.continuedHeight - request.repeatHeight;

  let startsPage = request.wholeOrFresh === true;
  let firstEnd = startsPage ? 0 : fill(0, firstRoom(request.room), false);
  // A heading with fewer than the fewest rows under it at the foot of a page starts the next one instead.
  if (!startsPage && rows(0, firstEnd) < Math.min(minRows, rows(0, n))) startsPage = true;
  if (startsPage) firstEnd = fill(0, firstRoom(request.pageRoom), true);

  const parts: { from: number; to: number }[] = [{ from: 0, to: firstEnd }];
  while ((parts[parts.length - 1]?.to ?? n) < n) {
    const from = parts[parts.length - 1]?.to ?? n;
    parts.push({ from, to: fill(from, laterRoom, true) });
  }

  // The last part's rows come short: the break before it moves up, while the part before keeps enough.
  const last = parts[parts.length - 1];
  const before = parts[parts.length - 2];
  if (last && before) {
    while (
      rows(last.from, last.to) < minRows &&
      before.to - before.from > 1 &&
      rows(before.from, before.to - 1) >= minRows &&
      height(last.from - 1, last.to) <= laterRoom
    ) {
      before.to--;
      last.from--;
    }
  }
  return { startsPage, parts };
}

/**
 * Every row that starts a printed page after the first, as the estimate pages the sheet: its
 * breaks, and the rows where a page is full. Putting a manual break before each makes the pages
 * the same in any renderer whose pages hold at least as much as the estimate says.
 */
export function pageStarts(flow: PageFlow): number[] {
  const breaks = new Set(estimateRowBreaks(flow));
  const height = (row: number): number => flow.heightOf(row) ?? defaultRowHeight;
  let titleHeight = 0;
  for (let r = 1; r <= flow.titleRows; r++) titleHeight += height(r);
  const starts: number[] = [];
  let used = titleHeight;
  for (let r = flow.titleRows + 1; r <= flow.rows; r++) {
    const h = height(r);
    if (used > titleHeight && (breaks.has(r) || used + h > flow.pageHeight)) {
      starts.push(r);
      used = titleHeight + h;
    } else {
      used += h;
    }
  }
  return starts;
}

/**
 * The flow of rows `from`..`flow.rows` as if `from` started the sheet's first page below the
 * title rows: where a page is known to start, what follows does not depend on what came before,
 * so the pages of a growing sheet can be found without walking it all again.
 */
export function flowFrom(flow: PageFlow, from: number): PageFlow {
  if (from <= flow.titleRows + 1) return flow;
  const shift = from - flow.titleRows - 1;
  return {
    rows: flow.rows - shift,
    heightOf: (row) => flow.heightOf(row <= flow.titleRows ? row : row + shift),
    titleRows: flow.titleRows,
    keeps: flow.keeps.filter((k) => k.from >= from).map((k) => ({ from: k.from - shift, to: k.to - shift })),
    pageHeight: flow.pageHeight,
  };
}
