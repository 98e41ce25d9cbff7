import assert from "node:assert/strict";
import fc from "fast-check";
import { estimateRowBreaks, type PageFlow } from "../../../src/core/layout/print-setup";

/**
 * The page-break estimate's work, counted rather than timed: reads of the kept-together runs and
 * of row heights, at 1,000 and 10,000 rows. It was quadratic (each row searched the whole list of
 * runs); it must be linear, and give the same breaks as that search did.
 */

/** The estimate as it was: the first run starting at each row, found by searching the list. Kept as the oracle for the results. */
function searchingEstimate(flow: PageFlow): number[] {
  const height = (row: number): number => flow.heightOf(row) ?? 15;
  let titleHeight = 0;
  for (let r = 1; r <= flow.titleRows; r++) titleHeight += height(r);
  const breaks: number[] = [];
  let used = titleHeight;
  for (let r = flow.titleRows + 1; r <= flow.rows; r++) {
    const keep = flow.keeps.find((k) => k.from === r);
    if (keep && used > titleHeight) {
      let run = 0;
      for (let k = keep.from; k <= keep.to; k++) run += height(k);
      if (used + run > flow.pageHeight) {
        breaks.push(r);
        used = titleHeight;
      }
    }
    const h = height(r);
    used = used + h > flow.pageHeight ? titleHeight + h : used + h;
  }
  return breaks;
}

/** A dashboard-like flow of `rows` rows: a table heading to keep with its first rows every 12 rows, one chart band in 40 rows. */
function flowOf(rows: number, count: { reads: number }): PageFlow {
  const runs: { from: number; to: number }[] = [];
  for (let r = 4; r < rows; r += 12) runs.push({ from: r, to: Math.min(rows, r + 3) });
  const keeps = new Proxy(runs, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) count.reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return {
    rows,
    titleRows: 3,
    keeps,
    pageHeight: 630,
    heightOf: (row) => {
      count.reads++;
      return row % 40 === 0 ? 180 : row % 7 === 0 ? 30 : undefined;
    },
  };
}

describe("estimateRowBreaks, counting its work", () => {
  it("reads the rows and the runs kept together a number of times linear in the rows: 10,000 rows cost at most 11 times 1,000", () => {
    const small = { reads: 0 };
    const large = { reads: 0 };
    estimateRowBreaks(flowOf(1_000, small));
    estimateRowBreaks(flowOf(10_000, large));
    assert.ok(small.reads > 1_000, `${small.reads} reads at 1,000 rows`);
    assert.ok(large.reads <= 11 * small.reads, `${large.reads} reads at 10,000 rows against ${small.reads} at 1,000`);
  });

  it("places the same breaks as searching the runs for every row did", () => {
    const runArb = fc.record({ from: fc.integer({ min: 1, max: 300 }), length: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(runArb, { maxLength: 30 }),
        fc.array(fc.option(fc.integer({ min: 5, max: 200 }), { nil: undefined }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 100, max: 900 }),
        (rows, titleRows, runs, heights, pageHeight) => {
          const flow: PageFlow = {
            rows,
            titleRows,
            keeps: runs.map((k) => ({ from: k.from, to: k.from + k.length })),
            pageHeight,
            heightOf: (row) => heights[row % heights.length],
          };
          assert.deepEqual(estimateRowBreaks(flow), searchingEstimate(flow));
        },
      ),
      { numRuns: 500 },
    );
  });
});
