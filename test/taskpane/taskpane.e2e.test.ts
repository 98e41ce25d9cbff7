import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import JSZip from "jszip";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromiumPath, launchChromium, openPane, serveDirectory } from "./browser";
import { monthlySheetNamed, sampleWorkbook, unlabelledSheet } from "./fake-workbook";
import { settingsKey } from "../../src/excel/settings-store";
import { measureTaskpane } from "./measure";

// The built pane (dist/, from `npm run build`) in headless Chromium, on Microsoft's office.js
// client (loaded in the page in place of the CDN's) and the test Excel host behind it.

const dist = join(__dirname, "..", "..", "dist");

describe("task pane in a browser", function () {
  this.timeout(60_000);
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof serveDirectory>> | null = null;
  let page: Page | null = null;

  before(async function () {
    const executable = chromiumPath();
    if (!executable) {
      if (process.env["CI"]) throw new Error("Chromium not found (set CHROMIUM_PATH); it is required in CI.");
      console.warn("SKIPPED: chromium not found (set CHROMIUM_PATH to run the task pane's browser tests)");
      this.skip();
    }
    if (!existsSync(join(dist, "taskpane.html"))) throw new Error('dist/taskpane.html is missing: run "npm run build" first.');
    server = await serveDirectory(dist);
    browser = await launchChromium(executable);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await page?.close();
    page = null;
  });

  async function open(options: Parameters<typeof openPane>[2] = {}): Promise<Page> {
    assert.ok(browser && server);
    page = await openPane(browser, server.url, options);
    return page;
  }

  /** The list item of a sheet in the Sheets section. */
  function sheetItem(p: Page, name: string) {
    return p.locator("li.sheet").filter({ has: p.locator("label.sheet-name", { hasText: name }) });
  }

  /** The settings the pane saved in the workbook, or null when none are saved yet. */
  async function savedSettings(p: Page): Promise<Record<string, unknown> | null> {
    const stored = await p.evaluate((key) => window.__fake?.settings()[key] ?? null, settingsKey);
    if (stored === null) return null;
    return (typeof stored === "string" ? JSON.parse(stored) : stored) as Record<string, unknown>;
  }

  async function buildAndWait(p: Page): Promise<void> {
    await p.click("#build");
    await p.waitForSelector(".result", { timeout: 20_000 });
  }

  it("lists the sheets with what was found on each", async () => {
    const p = await open();
    assert.match(await sheetItem(p, "Monthly KPIs").innerText(), /5 KPIs · periods across/);
    assert.match(await sheetItem(p, "Quarterly KPIs").innerText(), /3 KPIs/);
    assert.match(await sheetItem(p, "Activity").innerText(), /2 activity indicators/);
    assert.match(await sheetItem(p, "Notes").innerText(), /No indicator table found/);
    assert.equal(await sheetItem(p, "Monthly KPIs").locator("input[type=checkbox]").isChecked(), true);
    assert.equal(await sheetItem(p, "Notes").locator("input[type=checkbox]").isChecked(), false);
  });

  it("lets the user set a sheet's columns by hand and remembers them", async () => {
    const p = await open({ init: sampleWorkbook({ extraSheets: [unlabelledSheet()] }) });
    const parks = sheetItem(p, "Parks");
    assert.match(await parks.innerText(), /No indicator table found/);
    await parks.getByRole("button", { name: "Check columns" }).click();
    await parks.getByLabel("Layout").selectOption("long");
    await parks.getByLabel("Item").selectOption("name");
    await parks.getByLabel("When").selectOption("period");
    await parks.getByLabel("Score").selectOption("actual");
    await parks.getByLabel("Goal").selectOption("target");
    await parks.getByRole("button", { name: "Apply" }).click();
    await p.waitForFunction(() => document.body.innerText.includes("Columns set by hand"));
    assert.match(await sheetItem(p, "Parks").innerText(), /1 KPI · one row per period/);
    assert.equal(await sheetItem(p, "Parks").locator("input[type=checkbox]").isChecked(), true);
    await p.waitForFunction((key) => String(window.__fake?.settings()[key] ?? "").includes("Parks"), settingsKey);
    const saved = (await savedSettings(p)) as { mapping: { sheets: Record<string, unknown> } } | null;
    assert.deepEqual(saved?.mapping.sheets["Parks"], {
      headerRow: 1,
      layout: "long",
      columns: { A: "name", B: "period", C: "actual", D: "target" },
    });
  });

  it("defaults the reporting period to the latest month with data", async () => {
    const p = await open();
    const period = p.getByLabel("Reporting period");
    assert.equal(await period.inputValue(), "");
    assert.match(await period.locator("option").first().innerText(), /January 2013/);
  });

  it("builds the dashboard and shows its summary and a way to the sheet", async () => {
    const p = await open();
    await buildAndWait(p);
    const summary = await p.locator(".result-summary").innerText();
    // By hand from the sample: red are LIB01 (82% under its 85% floor) and YS01 (120 over its floor of 115); amber CC01.
    assert.match(summary, /^\d+ indicators: \d+ green, 1 amber, 2 red, \d+ no data/);
    const names = await p.evaluate(() => window.__fake?.sheetNames() ?? []);
    assert.ok(names.includes("Dashboard"), `no Dashboard sheet among ${names.join(", ")}`);
    await p.getByRole("button", { name: "Go to Dashboard" }).click();
    await p.waitForFunction(() => window.__fake?.activeSheetName() === "Dashboard");
    assert.match(await p.locator("#announcer").innerText(), /Dashboard built/);
  });

  /** Builds, recording every step shown as current (even one replaced before the next frame). */
  async function buildRecordingSteps(p: Page): Promise<string[]> {
    await p.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __steps: string[] }).__steps = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of Array.from(r.addedNodes)) {
            if (n instanceof HTMLElement) n.querySelectorAll(".step.current").forEach((s) => seen.push(s.textContent ?? ""));
          }
        }
      }).observe(document.getElementById("status")!, { childList: true, subtree: true });
    });
    await buildAndWait(p);
    const steps = await p.evaluate(() => (window as unknown as { __steps: string[] }).__steps);
    const names = steps.map((s) => s.replace(/^\d+/, "").replace("…", ""));
    return names.filter((n, i) => n !== names[i - 1]);
  }

  it("marks a dashboard as reported, then says after next month's build what changed since, each change a link to its row", async () => {
    const p = await open();
    await p.getByLabel("Reporting period").selectOption("2012-12");
    await buildAndWait(p);
    assert.equal(await p.locator(".since-summary").count(), 0, "nothing to compare with before the first report");
    await p.getByRole("button", { name: "Mark as reported" }).click();
    await p.waitForSelector(".since-recorded");
    assert.match(await p.locator(".since-recorded").innerText(), /Recorded as the report of December 2012 \(1 report kept\)/);
    const names = await p.evaluate(() => window.__fake?.sheetNames() ?? []);
    assert.equal(names[names.length - 1], "kpiDashboard.history");
    assert.equal(await p.evaluate(() => window.__fake?.sheet("kpiDashboard.history")?.visibility), "VeryHidden");

    // CR01's December figure (O4) is revised after the report went out: its result and its YTD result change.
    await p.evaluate(async () => {
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Monthly KPIs").getRange("O4").values = [[0.79]];
        await ctx.sync();
      });
    });
    await p.getByLabel("Reporting period").selectOption("2013-01");
    await buildAndWait(p);
    assert.match(await p.locator(".since-summary").innerText(), /^Since the report of December 2012: .*2 figures revised$/);
    const link = p.locator("button.since-link", { hasText: "Dec 2012 result revised from 80.0% to 79.0%" });
    assert.equal(await link.count(), 1);
    await link.click();
    await p.waitForFunction(() => /^Dashboard!A\d+$/.test(window.__fake?.selection() ?? ""));
    const row = await p.evaluate(() => {
      const fake = window.__fake;
      const address = fake?.selection()?.split("!")[1] ?? "";
      return fake?.describeSheet("Dashboard").cells[address]?.value;
    });
    assert.equal(row, "CR01", "the link selects CR01's row on the dashboard");
    assert.equal(await p.getByRole("button", { name: "Mark as reported" }).count(), 1, "January is not recorded until it is marked");
  });

  it("shows each step of the build while it runs", async () => {
    const p = await open();
    assert.deepEqual(await buildRecordingSteps(p), ["Reading the sheets", "Rating the indicators", "Writing the dashboard"]);
  });

  it("adds the colouring step when the source sheets are to be coloured", async () => {
    const p = await open();
    await p.getByText("Rules and options").click();
    await p.getByLabel("Colour the alerts in the source sheets").check();
    assert.deepEqual(await buildRecordingSteps(p), ["Reading the sheets", "Rating the indicators", "Writing the dashboard", "Colouring the source sheets"]);
  });

  it("remembers the choices in the workbook", async () => {
    const p = await open();
    await p.getByLabel("Title").fill("Customer & Communities");
    await p.getByLabel("Title").press("Tab");
    await buildAndWait(p);
    assert.equal((await savedSettings(p))?.["title"], "Customer & Communities");
  });

  it("selects a diagnostic's cell when the diagnostic is clicked", async () => {
    const p = await open();
    // "see note" typed in January for DS02: row 7, column P of the monthly sheet.
    const item = p.locator("button.diagnostic-body", { hasText: "Monthly KPIs!P7" }).first();
    assert.equal(await item.count(), 1, "expected a diagnostic about Monthly KPIs!P7");
    await item.click();
    await p.waitForFunction(() => window.__fake?.selection() !== null);
    assert.equal(await p.evaluate(() => window.__fake?.selection()), "Monthly KPIs!P7");
  });

  it("says what is needed and shows nothing else on an Excel without ExcelApi 1.9", async () => {
    const p = await open({ init: sampleWorkbook({ apiVersion: "1.8" }) });
    const text = await p.locator("#app").innerText();
    assert.match(text, /1\.9/);
    assert.equal(await p.locator("#build").count(), 0);
    assert.equal(await p.locator("input, select").count(), 0);
  });

  it("shows a sheet named like HTML as text and runs nothing from it", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const dialogs: string[] = [];
    const init = sampleWorkbook({ extraSheets: [monthlySheetNamed(hostile)] });
    // Any alert() the page runs is recorded before Playwright could see the dialog.
    const p = await open({ init, beforeLoad: "window.alert = (m) => { window.__alerted = String(m); };" });
    p.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await p.locator("label.sheet-name", { hasText: hostile }).waitFor();
    assert.equal(await p.locator("img").count(), 0);
    await buildAndWait(p);
    assert.equal(await p.locator("img").count(), 0);
    assert.deepEqual(dialogs, []);
    assert.equal(await p.evaluate(() => (window as unknown as { __alerted?: string }).__alerted ?? null), null);
  });

  it("reaches Build dashboard with Tab and runs it with Enter", async () => {
    const p = await open();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await p.keyboard.press("Tab");
      reached = await p.evaluate(() => document.activeElement?.id === "build");
    }
    assert.ok(reached, "Tab never reached the Build dashboard button");
    await p.keyboard.press("Enter");
    await p.waitForSelector(".result", { timeout: 20_000 });
  });

  it("says plainly that Excel is in cell-edit mode when a build cannot run", async () => {
    const p = await open();
    await p.evaluate(() => window.__fake?.setCellEditMode(true));
    await p.click("#build");
    const notice = p.locator(".notice.error");
    await notice.waitFor();
    assert.match(await notice.innerText(), /edit/i);
    assert.equal(await p.locator(".result").count(), 0);
  });

  it("says what it looked for when no indicators are found, and offers no build", async () => {
    const p = await open({ init: { sheets: [{ name: "Notes", values: [["Nothing to see"], ["here"]] }] } });
    assert.match(await p.locator(".notice").innerText(), /No indicators were found/);
    assert.match(await p.locator(".notice").innerText(), /header row/);
    assert.equal(await p.locator("#build").getAttribute("aria-disabled"), "true");
  });

  it("talks to Excel through Microsoft's office.js client loaded in the page", async () => {
    const p = await open();
    const seen = await p.evaluate(() => ({
      client: typeof (window as unknown as { OfficeExtension?: { ClientRequestContext?: unknown } }).OfficeExtension?.ClientRequestContext,
      requests: window.__fake?.stats.syncs ?? 0,
    }));
    assert.equal(seen.client, "function");
    assert.ok(seen.requests > 0, "the pane's reads reached the host as requests");
  });

  it("keeps saved settings it cannot read until the analyst chooses to replace them", async () => {
    const damaged = JSON.stringify({ grouping: "by owner", title: "Parks" });
    const p = await open({ init: { ...sampleWorkbook(), settings: { [settingsKey]: damaged } } });
    const notice = p.locator(".notice.warning").filter({ hasText: "grouping" });
    await notice.waitFor();
    await p.getByLabel("Title").fill("Customer & Communities");
    await p.getByLabel("Title").press("Tab");
    await buildAndWait(p);
    assert.equal(await p.evaluate((key) => window.__fake?.settings()[key], settingsKey), damaged, "neither the change nor the build saved over it");
    assert.match(await p.locator(".notice.warning").innerText(), /left as they were/);
    await open({ init: { ...sampleWorkbook(), settings: { [settingsKey]: damaged } } });
    await page!.getByRole("button", { name: "Replace the saved settings" }).click();
    await page!.waitForFunction((key) => String(window.__fake?.settings()[key] ?? "").includes('"grouping":"frequency"'), settingsKey);
  });

  it("says after a build what did not go as asked: a source sheet whose rules Excel cannot read is not coloured", async () => {
    const odd = {
      type: "Custom",
      range: "G4:G8",
      formula: "=G4>1",
      fill: "#0000FF",
      fontColor: null,
      bold: null,
      italic: null,
      stopIfTrue: false,
      unreadable: true,
    };
    const workbook = sampleWorkbook();
    const sheets = workbook.sheets.map((s) => (s.name === "Monthly KPIs" ? { ...s, conditionalFormats: [odd] } : s));
    const p = await open({ init: { ...workbook, sheets } });
    await p.getByText("Rules and options").click();
    await p.getByLabel("Colour the alerts in the source sheets").check();
    await buildAndWait(p);
    assert.match(await p.locator(".notice.warning").innerText(), /"Monthly KPIs" was not coloured/);
  });

  it("drafts the cover report on Excel on the web: a Word download with headings, header rows, charts with alternative text, en-GB", async () => {
    const p = await open();
    const requested: string[] = [];
    p.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await buildAndWait(p);
    assert.ok(!requested.some((r) => r.endsWith("/cover-report.js")), "the report's code is not loaded until asked for");
    const [download] = await Promise.all([p.waitForEvent("download", { timeout: 30_000 }), p.getByRole("button", { name: "Draft the cover report" }).click()]);
    assert.ok(
      requested.some((r) => r.endsWith("/cover-report.js")),
      "then it is",
    );
    assert.match(download.suggestedFilename(), /cover report \d{4}-\d{2}\.docx$/);
    const file = await download.path();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const doc = (await zip.file("word/document.xml")?.async("string")) ?? "";
    assert.match(doc, /<w:pStyle w:val="Heading1"\/>/);
    const tables = doc.split("<w:tbl>").slice(1);
    assert.ok(tables.length >= 2 && tables.every((t) => /^[\s\S]*?<w:tr>[\s\S]*?<w:tblHeader\/>/.test(t)), "every table's first row is a header row");
    const alt = [...doc.matchAll(/<wp:docPr [^>]*descr="([^"]+)"/g)].map((m) => m[1] ?? "");
    assert.ok(alt.length >= 1 && alt.every((d) => /latest result/.test(d)), `alternative text: ${alt.join(" | ")}`);
    assert.equal(zip.file(/^word\/media\/.+\.png$/).length, alt.length, "a PNG drawn by the browser for each chart");
    assert.match((await zip.file("word/styles.xml")?.async("string")) ?? "", /<w:lang w:val="en-GB"/);
  });

  it("says on desktop Excel, which cannot save a download, how to get the cover report instead", async () => {
    const p = await open({ init: { ...sampleWorkbook(), platform: "desktop" } });
    await buildAndWait(p);
    assert.equal(await p.getByRole("button", { name: "Draft the cover report" }).count(), 0);
    assert.match(await p.locator(".result").innerText(), /Excel on the web.*--docx/s);
  });

  it("offers every rule councils differ on in Rules and options, and saves each in the workbook", async () => {
    const p = await open();
    await p.getByText("Rules and options").click();
    await p.getByLabel("Monitor only (references or names, separated by commas)").fill("CS05, Hate crimes");
    await p.getByLabel("Monitor only (references or names, separated by commas)").press("Tab");
    await p.getByLabel("EXCEEDED when beyond the target by more than (% of target)").fill("10");
    await p.getByLabel("EXCEEDED when beyond the target by more than (% of target)").press("Tab");
    await p.getByLabel("Off-target alerts follow the trend").selectOption("lastYear");
    await p.getByLabel("Direction of travel compares with").selectOption("lastYear");
    await p.getByLabel("Show both comparisons in the DoT column").check();
    await p.getByLabel("Hold YTD alerts until the year has run (months)").selectOption("4");
    await p.getByLabel("Use the first comparator (such as the national average) as the target where there is none").check();
    await p.getByLabel("Band around a target of 0 (in the indicator's unit)").fill("0.02");
    await p.getByLabel("Band around a target of 0 (in the indicator's unit)").press("Tab");
    await p.getByLabel("List RED or worsened indicators that have no commentary").uncheck();
    await buildAndWait(p);
    const rules = (await savedSettings(p))?.["rules"] as Record<string, unknown>;
    assert.deepEqual(rules["monitorOnly"], ["CS05", "Hate crimes"]);
    assert.deepEqual(rules["exceeded"], { kind: "percent", value: 0.1 });
    assert.equal(rules["trendAlerts"], "lastYear");
    assert.equal(rules["dotMethod"], "lastYear");
    assert.equal(rules["dotBoth"], true);
    assert.equal(rules["ytdMinMonths"], 4);
    assert.equal(rules["comparatorAsTarget"], true);
    assert.deepEqual(rules["zeroTargetBand"], { kind: "absolute", value: 0.02 });
    assert.equal(rules["listMissingCommentary"], false);
  });

  it("lists after a build the RED or worsened indicators that have no commentary, so the analyst can ask their owners", async () => {
    const p = await open();
    await buildAndWait(p);
    const list = p.locator("[data-key=missingCommentary]");
    assert.match(await list.innerText(), /LIB01 Deaths registered within 5 days/);
  });

  it("keeps the bundle (JavaScript and CSS, gzipped, office.js excluded) within 150 KB", async () => {
    const m = await measureTaskpane(dist);
    assert.ok(m.gzipBytes <= 150 * 1024, `${m.gzipBytes} bytes gzipped`);
    // The cover report's code and the docx package load only when the report is drafted: measured apart, not left out.
    assert.deepEqual(Object.keys(m.onDemandGzipBytes), ["cover-report.js"]);
    assert.ok((m.onDemandGzipBytes["cover-report.js"] ?? 0) > 30 * 1024, "the docx package is in that chunk, not in the pane");
    assert.ok(m.interactiveMs !== null && m.interactiveMs > 0);
  });
});
