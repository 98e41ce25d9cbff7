/**
 * Measures the built task pane: what it costs to download (office.js excluded: it comes from
 * Office's CDN) and how long it takes to become usable, with the minified office.js the CDN
 * serves and the test host behind it. The benchmark calls it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromiumPath, launchChromium, openPane, serveDirectory } from "./browser";

/** Sizes in bytes of the pane's own JavaScript and CSS, and the time to interactive. */
export interface TaskpaneMeasurement {
  /** taskpane.js as served. */
  readonly jsBytes: number;
  /** taskpane.css as served. */
  readonly cssBytes: number;
  /** Both files gzipped (level 9), as a CDN or web server would send them. */
  readonly gzipBytes: number;
  /** The chunks loaded only when asked for (the cover report and its docx package), gzipped: not part of opening the pane. */
  readonly onDemandGzipBytes: Readonly<Record<string, number>>;
  /** Milliseconds from navigation start until the pane has read the workbook and can be used, office.js included; null without Chromium. */
  readonly interactiveMs: number | null;
  /** Of those, the pane's own: from office.js having run to the pane being usable; null without Chromium. */
  readonly paneMs: number | null;
}

/** The pane's own files in a built dist directory. */
const PANE_FILES = { js: "taskpane.js", css: "taskpane.css" } as const;

/** Measures the pane built in `distDir` (run `npm run build` first). */
export async function measureTaskpane(distDir: string): Promise<TaskpaneMeasurement> {
  const read = (name: string): Buffer => {
    const file = join(distDir, name);
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
    return readFileSync(file);
  };
  const js = read(PANE_FILES.js);
  const css = read(PANE_FILES.css);
  const gzipBytes = gzipSync(js, { level: 9 }).length + gzipSync(css, { level: 9 }).length;
  const onDemand = readdirSync(distDir).filter((f) => f.endsWith(".js") && f !== PANE_FILES.js && f !== "commands.js");
  const onDemandGzipBytes = Object.fromEntries(onDemand.map((f) => [f, gzipSync(read(f), { level: 9 }).length]));
  const times = await timeToInteractive(distDir);
  return { jsBytes: js.length, cssBytes: css.length, gzipBytes, onDemandGzipBytes, interactiveMs: times?.interactiveMs ?? null, paneMs: times?.paneMs ?? null };
}

/** Medians of three cold loads: navigation start to the pane's ready mark, and office.js having run to it. */
async function timeToInteractive(distDir: string): Promise<{ interactiveMs: number; paneMs: number } | null> {
  const executable = chromiumPath();
  if (!executable) return null;
  const server = await serveDirectory(distDir);
  const browser = await launchChromium(executable);
  try {
    const total: number[] = [];
    const pane: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await openPane(browser, server.url, { officeJs: "release" });
      const ready = Number(await page.getAttribute("#app", "data-ready-at"));
      const officeJs = await page.evaluate(() => window.__officeJsReadyAt ?? 0);
      total.push(ready);
      pane.push(ready - officeJs);
      await page.close();
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[1] ?? NaN;
    return { interactiveMs: median(total), paneMs: median(pane) };
  } finally {
    await browser.close();
    await server.close();
  }
}
