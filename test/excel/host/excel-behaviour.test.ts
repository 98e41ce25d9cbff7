import { strict as assert } from "node:assert";
import { createFakeExcel, type FakeConditionalFormat, type FakeOfficeError } from "../fake-excel";

type Ctx = Excel.RequestContext;

const rule = (formula: string, extra: Partial<FakeConditionalFormat> = {}): FakeConditionalFormat => ({
  type: "Custom",
  range: "A1:A5",
  formula,
  fill: "#FF0000",
  fontColor: null,
  bold: null,
  italic: null,
  stopIfTrue: false,
  ...extra,
});

const isCode =
  (code: string) =>
  (e: FakeOfficeError): boolean => {
    assert.equal(e.code, code, e.message);
    return true;
  };

describe("the test Excel: Microsoft's office.js client on the RichApi host", () => {
  describe("the client is Microsoft's own", () => {
    it("raises OfficeExtension.Error from the client itself, with Excel's code and the failing statement", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "KPIs", values: [["a"]] }] });
      await assert.rejects(
        fake.Excel.run(async (ctx: Ctx) => {
          ctx.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
          await ctx.sync();
        }),
        (e: FakeOfficeError) => {
          assert.ok(e instanceof OfficeExtension.Error, "an OfficeExtension.Error");
          assert.equal(e.code, "ItemNotFound");
          assert.match(e.debugInfo.statement ?? "", /getItem/);
          return true;
        },
      );
    });

    it("refuses an API above ExcelApi 1.9 with ApiNotFound", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "KPIs", values: [["a"]] }], apiVersion: "1.9" });
      await assert.rejects(
        fake.Excel.run(async (ctx: Ctx) => {
          // Range.getMergedAreasOrNullObject is ExcelApi 1.13.
          ctx.workbook.worksheets.getItem("KPIs").getRange("A1").getMergedAreasOrNullObject();
          await ctx.sync();
        }),
        isCode("ApiNotFound"),
      );
    });

    it("keeps a range usable across syncs through the reference Excel returns, and releases it when the run ends", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] });
      await fake.Excel.run(async (ctx: Ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getRange("B2:C2");
        r.values = [[1, 2]];
        await ctx.sync();
        r.load("values,address");
        await ctx.sync();
        assert.deepEqual(r.values, [[1, 2]]);
        assert.equal(r.address, "S!B2:C2");
      });
      assert.equal(fake.stats.syncs, 2, "the clean-up is not a round trip the run waits for");
      await new Promise((ok) => setTimeout(ok, 20));
      assert.equal(fake.stats.cleanups, 1);
      assert.equal(fake.host.referenceCount(), 0);
    });

    it("sends nothing for a sync with nothing queued", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] });
      await fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
        await ctx.sync();
      });
      assert.equal(fake.stats.syncs, 1);
    });

    it("splits a large values array into row chunks of about 1,500 cells, as the client does", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] });
      const values = Array.from({ length: 300 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * 10 + c));
      await fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:J300").values = values;
        await ctx.sync();
      });
      assert.equal(fake.describeSheet("S").cells["J300"]?.value, 2999);
      assert.equal(fake.stats.apis["Range._ValidateArraySize"], 1);
      assert.equal(fake.stats.apis["Range.values"], 2, "two chunks of 150 rows");
    });

    it("loads and runs the desktop flavour of office.js too", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [["x", 2]] }], platform: "desktop" });
      const values = await fake.Excel.run(async (ctx: Ctx) => {
        const r = ctx.workbook.worksheets.getItem("S").getUsedRange(true);
        r.load("values");
        await ctx.sync();
        return r.values;
      });
      assert.deepEqual(values, [["x", 2]]);
      assert.equal(fake.Office.context.platform, "PC");
    });
  });

  describe("payload limits measured on the real serialized messages", () => {
    const big = Array.from({ length: 1000 }, () => Array.from({ length: 20 }, () => "x".repeat(300)));

    it("refuses a request over 5 MB on the web, running none of it", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }] });
      await assert.rejects(
        fake.Excel.run(async (ctx: Ctx) => {
          ctx.workbook.worksheets.getItem("S").getRange("A1:T1000").values = big;
          await ctx.sync();
        }),
        isCode("RequestPayloadSizeLimitExceeded"),
      );
      assert.ok((fake.stats.requests[0]?.bytes ?? 0) > 5 * 1024 * 1024);
      assert.deepEqual(fake.describeSheet("S").cells, {});
    });

    it("accepts the same request on desktop Excel, which has no such cap", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [] }], platform: "desktop" });
      await fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:T1000").values = big;
        await ctx.sync();
      });
      assert.equal(fake.describeSheet("S").cells["T1000"]?.value, "x".repeat(300));
    });

    it("refuses a response over 5 MB on the web", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: big }] });
      await assert.rejects(
        fake.Excel.run(async (ctx: Ctx) => {
          ctx.workbook.worksheets.getItem("S").getUsedRange(true).load("values");
          await ctx.sync();
        }),
        isCode("ResponsePayloadSizeLimitExceeded"),
      );
    });
  });

  describe("conditional formats are addressed by their priority", () => {
    it("gives each rule its place in the range's collection as its id", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [], conditionalFormats: [rule("=A1=1"), rule("=A1=2")] }] });
      const ids = await fake.Excel.run(async (ctx: Ctx) => {
        const cfs = ctx.workbook.worksheets.getItem("S").getRange("A1:A5").conditionalFormats;
        cfs.load("items/id");
        await ctx.sync();
        return cfs.items.map((c) => c.id);
      });
      assert.deepEqual(ids, ["0", "1"]);
    });

    it("moves the rules below a deleted one up, so an object loaded before the deletion names another rule", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [], conditionalFormats: [rule("=A1=1"), rule("=A1=2"), rule("=A1=3")] }] });
      await fake.Excel.run(async (ctx: Ctx) => {
        const cfs = ctx.workbook.worksheets.getItem("S").getRange("A1:A5").conditionalFormats;
        cfs.load("items/type");
        await ctx.sync();
        const [first, second] = cfs.items;
        first?.delete();
        second?.delete();
        await ctx.sync();
      });
      assert.deepEqual(
        fake.describeSheet("S").conditionalFormats.map((c) => c.formula),
        ["=A1=2"],
        "the second delete hit the third rule",
      );
    });

    it("refuses to read a custom rule's formula from a rule of another type", async () => {
      const fake = createFakeExcel({
        sheets: [{ name: "S", values: [], conditionalFormats: [rule("=A1=1"), rule("", { type: "CellValue", formula: null })] }],
      });
      await assert.rejects(
        fake.Excel.run(async (ctx: Ctx) => {
          const cfs = ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats;
          cfs.load("items/custom/rule/formula");
          await ctx.sync();
        }),
        isCode("InvalidOperation"),
      );
    });

    it("reads a rule of another type as a null custom part through customOrNullObject", async () => {
      const fake = createFakeExcel({
        sheets: [{ name: "S", values: [], conditionalFormats: [rule("=A1=1"), rule("", { type: "CellValue", formula: null })] }],
      });
      const formulas = await fake.Excel.run(async (ctx: Ctx) => {
        const cfs = ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats;
        cfs.load("items/customOrNullObject/rule/formula");
        await ctx.sync();
        return cfs.items.map((c) => (c.customOrNullObject.isNullObject ? null : c.customOrNullObject.rule.formula));
      });
      assert.deepEqual(formulas, ["=A1=1", null]);
    });

    it("can fail to read a rule Excel cannot describe, while deleting it still works", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "S", values: [], conditionalFormats: [rule("=A1=1", { unreadable: true })] }] });
      await assert.rejects(
        fake.Excel.run(async (ctx: Ctx) => {
          ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats.load("items/type");
          await ctx.sync();
        }),
        isCode("GeneralException"),
      );
      await fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats.getItemAt(0).delete();
        await ctx.sync();
      });
      assert.deepEqual(fake.describeSheet("S").conditionalFormats, []);
    });
  });

  describe("worksheets", () => {
    const attempt = async (fake: ReturnType<typeof createFakeExcel>, change: (ctx: Ctx) => void): Promise<void> =>
      fake.Excel.run(async (ctx: Ctx) => {
        change(ctx);
        await ctx.sync();
      });

    it("refuses to delete a VeryHidden sheet until it is made visible", async () => {
      const fake = createFakeExcel({
        sheets: [
          { name: "A", values: [] },
          { name: "Secret", values: [], visibility: "VeryHidden" },
        ],
      });
      await assert.rejects(
        attempt(fake, (ctx) => ctx.workbook.worksheets.getItem("Secret").delete()),
        isCode("GeneralException"),
      );
      await attempt(fake, (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Secret");
        ws.visibility = "Visible";
        ws.delete();
      });
      assert.deepEqual(fake.sheetNames(), ["A"]);
    });

    it("keeps a VeryHidden sheet in the worksheets collection, with its cells readable", async () => {
      const fake = createFakeExcel({
        sheets: [
          { name: "A", values: [] },
          { name: "Secret", values: [["kept"]], visibility: "VeryHidden" },
        ],
      });
      await fake.Excel.run(async (ctx: Ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name,items/visibility");
        const used = sheets.getItem("Secret").getUsedRange(true);
        used.load("values");
        await ctx.sync();
        assert.deepEqual(
          sheets.items.map((s) => [s.name, s.visibility]),
          [
            ["A", "Visible"],
            ["Secret", "VeryHidden"],
          ],
        );
        assert.deepEqual(used.values, [["kept"]]);
      });
    });

    it("refuses text longer than a cell holds (32,767 characters) rather than cutting it", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "A", values: [] }] });
      await assert.rejects(
        attempt(fake, (ctx) => {
          ctx.workbook.worksheets.getItem("A").getRange("A1").values = [["x".repeat(32_768)]];
        }),
        isCode("InvalidArgument"),
      );
      await attempt(fake, (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange("A1").values = [["x".repeat(32_767)]];
      });
      assert.equal(String(fake.describeSheet("A").cells["A1"]?.value).length, 32_767);
    });

    it("refuses to delete or hide the last visible sheet", async () => {
      const fake = createFakeExcel({
        sheets: [
          { name: "A", values: [] },
          { name: "B", values: [], visibility: "Hidden" },
        ],
      });
      await assert.rejects(
        attempt(fake, (ctx) => ctx.workbook.worksheets.getItem("A").delete()),
        isCode("InvalidOperation"),
      );
      await assert.rejects(
        attempt(fake, (ctx) => {
          ctx.workbook.worksheets.getItem("A").visibility = "Hidden";
        }),
        isCode("InvalidOperation"),
      );
    });

    for (const [name, code] of [
      ["A name of thirty-two characters!", "InvalidArgument"],
      ["Q1: results", "InvalidArgument"],
      ["[Draft]", "InvalidArgument"],
      ["a/b", "InvalidArgument"],
      ["'quoted", "InvalidArgument"],
      ["quoted'", "InvalidArgument"],
      ["History", "InvalidArgument"],
      ["kpis", "ItemAlreadyExists"],
    ] as const) {
      it(`refuses the sheet name "${name}" with ${code}`, async () => {
        const fake = createFakeExcel({ sheets: [{ name: "KPIs", values: [] }] });
        await assert.rejects(
          attempt(fake, (ctx) => void ctx.workbook.worksheets.add(name)),
          isCode(code),
        );
        await assert.rejects(
          attempt(fake, (ctx) => {
            ctx.workbook.worksheets.add("New").name = name;
          }),
          isCode(code),
        );
      });
    }

    it("makes a sheet the active one when its panes are frozen, as freezing works through the sheet's view", async () => {
      const fake = createFakeExcel({
        sheets: [
          { name: "A", values: [] },
          { name: "B", values: [] },
        ],
      });
      assert.equal(fake.activeSheetName(), "A");
      await attempt(fake, (ctx) => ctx.workbook.worksheets.getItem("B").freezePanes.freezeRows(2));
      assert.equal(fake.activeSheetName(), "B");
      assert.deepEqual(fake.describeSheet("B").freeze, { rows: 2, columns: 0 });
    });

    it("refuses a print scale outside 10 to 400 and a negative margin", async () => {
      const fake = createFakeExcel({ sheets: [{ name: "A", values: [] }] });
      for (const scale of [5, 401]) {
        await assert.rejects(
          attempt(fake, (ctx) => {
            ctx.workbook.worksheets.getItem("A").pageLayout.zoom = { scale };
          }),
          isCode("InvalidArgument"),
        );
      }
      await assert.rejects(
        attempt(fake, (ctx) => ctx.workbook.worksheets.getItem("A").pageLayout.setPrintMargins("Centimeters", { top: -1 })),
        isCode("InvalidArgument"),
      );
      await attempt(fake, (ctx) => {
        ctx.workbook.worksheets.getItem("A").pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      });
      assert.deepEqual(fake.describeSheet("A").pageLayout.zoom, { horizontalFitToPages: 1, verticalFitToPages: 0 });
    });
  });
});
