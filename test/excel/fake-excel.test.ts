import { strict as assert } from "node:assert";
import { createFakeExcel, type FakeOfficeError } from "./fake-excel";

type Ctx = Excel.RequestContext;

describe("fake Excel host", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "KPIs", values: [["a", 1]] }] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const used = ctx.workbook.worksheets.getItem("KPIs").getUsedRange(true);
      assert.throws(
        () => used.values,
        (e: FakeOfficeError) => e.code === "PropertyNotLoaded",
      );
      used.load("values");
      assert.throws(
        () => used.values,
        (e: FakeOfficeError) => e.code === "PropertyNotLoaded",
      );
      await ctx.sync();
      assert.deepEqual(used.values, [["a", 1]]);
    });
  });

  it("reports a missing sheet as ItemNotFound from getItem and as a null object from getItemOrNullObject", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "KPIs", values: [["a"]] }] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      await ctx.sync();
      assert.equal(ws.isNullObject, true);
      ctx.workbook.worksheets.getItem("Nope");
      await assert.rejects(ctx.sync(), (e: FakeOfficeError) => e.code === "ItemNotFound");
    });
  });

  it("turns text starting with = + - @ into formulas unless quote-prefixed or formatted as text", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:D1").values = [["=1+1", "+44 20", "'-5%", "plain"]];
      const b = ws.getRange("A2");
      b.numberFormat = [["@"]];
      b.values = [["@SUM(A1)"]];
      await ctx.sync();
    });
    const d = fake.describeSheet("S");
    assert.equal(d.cells["A1"]?.formula, "=1+1");
    assert.equal(d.cells["B1"]?.formula, "=+44 20");
    assert.deepEqual(d.cells["C1"], { value: "-5%", formula: null, numberFormat: "General", quotePrefix: true });
    assert.equal(d.cells["A2"]?.value, "@SUM(A1)");
    assert.equal(d.cells["A2"]?.formula, null);
  });

  it("applies the commands queued before an injected failure and none after it", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] });
    fake.failAt((c) => c.api === "Range.values" && c.args !== null && JSON.stringify(c.args).includes("second"), "AccessDenied");
    await assert.rejects(
      fake.Excel.run(async (ctx: Ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [["first"]];
        ws.getRange("A2").values = [["second"]];
        ws.getRange("A3").values = [["third"]];
        await ctx.sync();
      }),
      (e: FakeOfficeError) => e.code === "AccessDenied",
    );
    const d = fake.describeSheet("S");
    assert.equal(d.cells["A1"]?.value, "first");
    assert.equal(d.cells["A2"], undefined);
    assert.equal(d.cells["A3"], undefined);
    assert.equal(fake.stats.syncs, 1);
  });

  it("refuses writes to a protected sheet with AccessDenied", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["x"]], protected: true }] });
    await assert.rejects(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["y"]];
        await ctx.sync();
      }),
      (e: FakeOfficeError) => e.code === "AccessDenied",
    );
    assert.equal(fake.describeSheet("S").cells["A1"]?.value, "x");
  });

  it("refuses every batch while a cell is being edited", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["x"]] }], cellEditMode: true });
    await assert.rejects(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
      }),
      (e: FakeOfficeError) => e.code === "InvalidOperationInCellEditMode",
    );
  });

  it("adds each new conditional format at the top priority, as Excel does", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:A5");
      for (const f of ["=A1=1", "=A1=2"]) {
        const cf = r.conditionalFormats.add("Custom");
        cf.custom.rule.formula = f;
      }
      await ctx.sync();
    });
    assert.deepEqual(
      fake.describeSheet("S").conditionalFormats.map((c) => c.formula),
      ["=A1=2", "=A1=1"],
    );
  });

  it("counts one round trip per sync and the final implicit sync of Excel.run", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] });
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
    });
    assert.equal(fake.stats.syncs, 2);
    assert.ok(fake.stats.apis["WorksheetCollection.getItem"] === 1);
  });
});
