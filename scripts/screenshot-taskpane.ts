/**
 * Takes docs/taskpane.png: the built task pane (dist/) at Excel's task-pane size, on Microsoft's
 * office.js client and the test host with the sample workbook, just after a build. Run `npm run build` first, then
 * `npx tsx scripts/screenshot-taskpane.ts [light|dark]`.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromiumPath, launchChromium, openPane, serveDirectory } from "../test/taskpane/browser";

async function main(): Promise<void> {
  const scheme = process.argv[2] === "dark" ? "dark" : "light";
  const executable = chromiumPath();
  if (!executable) throw new Error("Chromium not found: set CHROMIUM_PATH.");
  const root = join(__dirname, "..");
  const server = await serveDirectory(join(root, "dist"));
  const browser = await launchChromium(executable);
  try {
    const page = await openPane(browser, server.url, { viewport: { width: 350, height: 700 }, colorScheme: scheme });
    await page.click("#build");
    await page.waitForSelector(".result");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    mkdirSync(join(root, "docs"), { recursive: true });
    const file = join(root, "docs", scheme === "dark" ? "taskpane-dark.png" : "taskpane.png");
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
