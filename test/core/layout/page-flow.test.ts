import assert from "node:assert/strict";
import type { IndicatorResult } from "../../../src/core/dashboard";
import { rangeBounds } from "../../../src/core/a1";
import { layoutDashboard } from "../../../src/core/layout";
import { columnWidths } from "../../../src/core/layout/columns";
import { minPartRows, planParts } from "../../../src/core/layout/page-flow";
import { pageHeightPoints } from "../../../src/core/layout/print-setup";
import { defaultRowHeight } from "../../../src/core/layout/text-fit";
import type { SheetPlan } from "../../../src/core/sheet-plan";
import { sampleDashboard, sampleIndicators, sampleSettings } from "./sample-dashboard";

/**
 * The page-break rules of a committee paper, checked on the printed pages as a renderer would
 * make them from the plan: it starts a page at each manual break and wherever the next row does
 * not fit, with the title rows repeated at the top of every page.
 */

interface Page {
  readonly rows: number[];
}

/** The pages a renderer makes of the plan's rows, given its manual breaks and a page of `capacity` points. */
function printedPages(plan: SheetPlan, capacity = pageHeightPoints(columnWidths)): Page[] {
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const height = (r: number): number => heights.get(r) ?? defaultRowHeight;
  const titleRows = plan.freeze?.rows ?? 0;
  let titleHeight = 0;
  for (let r = 1; r <= titleRows; r++) titleHeight += height(r);
  const breaks = new Set(plan.print.rowBreaks);
  const pages: number[][] = [[]];
  let used = titleHeight;
  for (let r = titleRows + 1; r <= plan.rows; r++) {
    const current = pages[pages.length - 1] ?? [];
    if (current.length > 0 && (breaks.has(r) || used + height(r) > capacity)) {
      pages.push([r]);
      used = titleHeight + height(r);
    } else {
      current.push(r);
      used += height(r);
    }
  }
  return pages.map((rows) => ({ rows }));
}

/** Rows that start a block: a section title or its continuation. */
function isSectionTitle(plan: SheetPlan, row: number): boolean {
  const values = plan.values[row - 1] ?? [];
  const text = values[0];
  return (
    typeof text === "string" &&
    values.slice(1, 14).every((v) => v === null) &&
    /^(Summary|Exceptions|Data notes|Trend charts|Guidance notes|.+ indicators)( \(continued\))?$/.test(text)
  );
}

function isTableHeader(plan: SheetPlan, row: number): boolean {
  return plan.tables.some((t) => (rangeBounds(t.range)?.top ?? -1) + 1 === row && (rangeBounds(t.range)?.left ?? 99) < 14);
}

/** A row that prints nothing: no text in the printed columns and no chart over it. */
function isBlank(plan: SheetPlan, row: number): boolean {
  const underChart = plan.charts.some((c) => {
    const b = rangeBounds(c.anchor);
    return b !== null && row - 1 >= b.top && row - 1 <= b.bottom;
  });
  return !underChart && (plan.values[row - 1] ?? []).slice(0, 14).every((v) => v === null);
}

/** Each section's body rows (after its title and column headings), by the section's first title row. */
function sectionOf(plan: SheetPlan): Map<number, number> {
  const section = new Map<number, number>();
  let current = 0;
  for (let r = (plan.freeze?.rows ?? 0) + 1; r <= plan.rows; r++) {
    const text = plan.values[r - 1]?.[0];
    if (isSectionTitle(plan, r) && !(typeof text === "string" && text.endsWith("(continued)"))) current = r;
    // The gap row above a section title belongs to neither section.
    else if (isBlank(plan, r) && isSectionTitle(plan, r + 1)) continue;
    else if (!isSectionTitle(plan, r) && !isTableHeader(plan, r)) section.set(r, current);
  }
  return section;
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A directorate with many KPIs: long tables that cannot fit a page, and a trend for each. */
function bigDashboard(count: number): ReturnType<typeof sampleDashboard> {
  const template = sampleIndicators.find((i) => i.ref === "CR01") as IndicatorResult;
  const indicators: IndicatorResult[] = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `KPIs!${i + 2}`,
    row: i + 2,
    ref: `K${String(i + 1).padStart(3, "0")}`,
    name: i % 3 === 0 ? `Percentage of enquiries resolved at the first point of contact, service ${i + 1}` : `Indicator ${i + 1}`,
    trend: Array.from({ length: 13 }, (_, k) => ({
      label: `${months[k % 12] ?? ""} ${2012 + Math.floor(k / 12)}`,
      actual: 0.7 + ((k * (i + 3)) % 11) / 100,
      target: 0.8,
    })),
  }));
  return sampleDashboard({ indicators: [...sampleIndicators, ...indicators] });
}

const plans: [string, SheetPlan][] = [
  ["the sample", layoutDashboard(sampleDashboard(), sampleSettings())],
  ["the sample with trend charts", layoutDashboard(bigDashboard(8), { ...sampleSettings(), charts: true })],
  ["120 KPIs with trend charts", layoutDashboard(bigDashboard(120), { ...sampleSettings(), charts: true })],
];

describe("page breaks", () => {
  for (const [name, plan] of plans) {
    describe(name, () => {
      const pages = printedPages(plan);

      it("starts every page with a section title or a table's column headings", () => {
        pages.forEach((page, i) => {
          const first = page.rows.find((r) => !isBlank(plan, r));
          assert.ok(first !== undefined, `page ${i + 1} is not empty`);
          assert.ok(
            isSectionTitle(plan, first) || isTableHeader(plan, first),
            `page ${i + 1} starts with row ${first}: ${JSON.stringify(plan.values[first - 1]?.slice(0, 3))}`,
          );
        });
      });

      it("never ends a page with a section title or column headings", () => {
        pages.forEach((page, i) => {
          const last = [...page.rows].reverse().find((r) => !isBlank(plan, r));
          assert.ok(last !== undefined);
          assert.ok(!isSectionTitle(plan, last) && !isTableHeader(plan, last), `page ${i + 1} ends with row ${last}`);
        });
      });

      it(`leaves at least ${minPartRows} rows of a section on each page it is split across`, () => {
        const section = sectionOf(plan);
        const pagesOf = new Map<number, Map<number, number>>();
        pages.forEach((page, i) => {
          for (const r of page.rows) {
            const s = section.get(r);
            if (s === undefined) continue;
            const counts = pagesOf.get(s) ?? new Map<number, number>();
            counts.set(i, (counts.get(i) ?? 0) + 1);
            pagesOf.set(s, counts);
          }
        });
        for (const [s, counts] of pagesOf) {
          if (counts.size < 2) continue;
          for (const [page, n] of counts) assert.ok(n >= minPartRows, `"${String(plan.values[s - 1]?.[0])}" has ${n} rows on page ${page + 1}`);
        }
      });

      it("puts the guidance notes on one page, or starts them on a page of their own", () => {
        const heading = plan.values.findIndex((r) => r[0] === "Guidance notes") + 1;
        assert.ok(heading > 0);
        const on = pages.findIndex((p) => p.rows.includes(heading));
        const guidanceRows = [...sectionOf(plan)].filter(([, s]) => s === heading).map(([r]) => r);
        const spread = new Set(guidanceRows.map((r) => pages.findIndex((p) => p.rows.includes(r))));
        if (spread.size > 1)
          assert.equal(
            pages[on]?.rows.find((r) => !isBlank(plan, r)),
            heading,
            "a guidance too long for one page starts a page",
          );
        else assert.deepEqual([...spread], [on]);
      });

      it("puts a manual break at every page start, so a renderer whose pages hold a little more still breaks there", () => {
        assert.equal(plan.print.pages, pages.length);
        const starts = pages.slice(1).map((p) => p.rows[0]);
        assert.deepEqual(plan.print.rowBreaks, starts);
        // Pages 3% taller than estimated give the same pages.
        assert.deepEqual(
          printedPages(plan, pageHeightPoints(columnWidths) * 1.03).map((p) => p.rows[0]),
          pages.map((p) => p.rows[0]),
        );
      });
    });
  }

  it("splits a long table under a repeated heading and column headings", () => {
    const plan = plans[2]?.[1];
    assert.ok(plan);
    const continued = plan.values.filter((r) => r[0] === "Monthly key performance indicators (continued)").length;
    assert.ok(continued >= 2, `${continued} continuations`);
    const monthly = plan.tables.filter((t) => String(plan.values[(rangeBounds(t.range)?.top ?? 0) - 1]?.[0]).startsWith("Monthly key performance indicators"));
    assert.equal(monthly.length, continued + 1, "each part is a table of its own, with its header row");
  });
});

describe("planParts", () => {
  const item = { height: 15, rows: 1 };
  const items = (n: number): { height: number; rows: number }[] => Array.from({ length: n }, () => item);
  const base = { headHeight: 30, repeatHeight: 27, continuedHeight: 21, minRows: 6 };

  it("keeps a section that fits where it is", () => {
    assert.deepEqual(planParts({ ...base, room: 400, pageRoom: 600, items: items(10) }), { startsPage: false, parts: [{ from: 0, to: 10 }] });
  });

  it("moves a section that fits a page but not what is left of this one to the next page, whole", () => {
    assert.deepEqual(planParts({ ...base, room: 200, pageRoom: 600, items: items(20) }), { startsPage: true, parts: [{ from: 0, to: 20 }] });
  });

  it("splits a section longer than a page where the page is full, leaving the next part at least six rows", () => {
    // Room for 30 + 27 + 15n: 21 rows on this page; then 21 + 27 + 15n on a page: 36 rows each.
    const plan = planParts({ ...base, room: 372, pageRoom: 600, items: items(59) });
    assert.equal(plan.startsPage, false);
    // Greedy would leave 2 rows (21 + 36 + 2); the last part takes six, the page before it four fewer.
    assert.deepEqual(plan.parts, [
      { from: 0, to: 21 },
      { from: 21, to: 53 },
      { from: 53, to: 59 },
    ]);
  });

  it("starts the section on a new page when fewer than six of its rows would fit under its heading", () => {
    const plan = planParts({ ...base, room: 120, pageRoom: 600, items: items(80) });
    assert.equal(plan.startsPage, true);
    assert.equal(plan.parts[0]?.to, 36);
  });

  it("starts a section that must fit or start a page (the guidance) on a new page when it does not fit", () => {
    const plan = planParts({ ...base, room: 400, pageRoom: 600, items: items(80), wholeOrFresh: true });
    assert.equal(plan.startsPage, true);
  });

  it("counts an item's rows, so a note of several lines is never split", () => {
    const notes = [{ height: 45, rows: 3 }, ...items(2), { height: 60, rows: 4 }];
    const plan = planParts({ ...base, room: 140, pageRoom: 160, items: notes });
    for (const part of plan.parts) assert.ok(part.to > part.from);
    assert.deepEqual(
      plan.parts.map((p) => p.from),
      [0, ...plan.parts.slice(1).map((p) => p.from)],
    );
  });
});
