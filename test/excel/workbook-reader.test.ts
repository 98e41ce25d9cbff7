import { strict as assert } from "node:assert";
import { isTooLarge, originOf, queueSheetList, queueUsedRanges, readGridsInBlocks } from "../../src/excel/workbook-reader";
import { createFakeExcel } from "./fake-excel";
import { kpiSheet } from "./sample-sheets";

describe("workbook reader", () => {
  it("reads used ranges with their origin, values and number formats in one round trip", async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: "Q Data",
          origin: "B3",
          values: [
            ["Ref", "Result"],
            ["K1", 0.5],
          ],
          numberFormat: [
            ["General", "General"],
            ["General", "0%"],
          ],
        },
        { name: "Empty", values: [] },
      ],
    });
    const grids = await fake.Excel.run(async (context: Excel.RequestContext) => {
      const collect = queueUsedRanges(context, ["Q Data", "Empty", "Missing"]);
      await context.sync();
      return collect();
    });
    assert.equal(fake.stats.syncs, 1);
    assert.deepEqual(grids, [
      {
        sheet: "Q Data",
        origin: "B3",
        values: [
          ["Ref", "Result"],
          ["K1", 0.5],
        ],
        numberFormat: [
          ["General", "General"],
          ["General", "0%"],
        ],
      },
      { sheet: "Empty", origin: "A1", values: [], numberFormat: [] },
    ]);
  });

  it("lists the sheets with id, name and visibility", async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: "A", values: [["x"]] },
        { name: "B", values: [], visibility: "Hidden" },
      ],
    });
    const list = await fake.Excel.run(async (context: Excel.RequestContext) => {
      const read = queueSheetList(context);
      await context.sync();
      return read();
    });
    assert.deepEqual(
      (list as { name: string; visibility: string }[]).map((s) => [s.name, s.visibility]),
      [
        ["A", "Visible"],
        ["B", "Hidden"],
      ],
    );
  });

  it("falls back to row blocks when Excel refuses a whole read as too large", async () => {
    const sheet = kpiSheet(400);
    const fake = createFakeExcel({ sheets: [sheet], payloadLimitBytes: 20_000 });
    const result = await fake.Excel.run(async (context: Excel.RequestContext) => {
      queueUsedRanges(context, ["KPIs"]);
      const refused = await context.sync().then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(isTooLarge(refused), "the whole read is refused");
      return readGridsInBlocks(context, ["KPIs"], 15_000);
    });
    const { grids, syncs } = result as Awaited<ReturnType<typeof readGridsInBlocks>>;
    assert.ok(syncs > 2);
    assert.deepEqual(grids[0]?.values, sheet.values);
    assert.equal(grids[0]?.origin, "A1");
    for (const r of fake.stats.requests.slice(1)) assert.equal(r.failed, null);
  });

  it("sizes later blocks to the bytes per cell seen, filling each request without passing the budget", async () => {
    const sheet = kpiSheet(2000);
    const fake = createFakeExcel({ sheets: [sheet] });
    const budget = 60_000;
    const { grids } = (await fake.Excel.run((context: Excel.RequestContext) => readGridsInBlocks(context, ["KPIs"], budget))) as Awaited<
      ReturnType<typeof readGridsInBlocks>
    >;
    assert.deepEqual(grids[0]?.values, sheet.values);
    const blocks = fake.stats.requests.slice(1).map((r) => r.responseBytes);
    assert.ok(
      blocks.every((bytes) => bytes <= budget),
      `every answer within the budget: ${blocks.join(", ")}`,
    );
    // After the first, cautious block, every block but the last fills most of the budget.
    assert.ok(
      blocks.slice(1, -1).every((bytes) => bytes > budget / 2),
      `later blocks fill up: ${blocks.join(", ")}`,
    );
  });

  it("takes the top-left cell of an address, quoted sheet names included", () => {
    assert.equal(originOf("'Q3 data!'!$C$4:$F$9"), "C4");
    assert.equal(originOf("Sheet1!A1"), "A1");
  });
});
