/**
 * Runs the built task pane (dist/) in headless Chromium against the test Excel host: a tiny
 * static server, the host bundled for the page, and Office's CDN answered with Microsoft's own
 * office.js for Excel on the web (from @microsoft/office-js) followed by one line that attaches
 * it to the host, so the page never reaches the network and the pane runs on the real client.
 * Shared by the browser tests, the screenshot script and the benchmark's measurement.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import type { FakeExcelInit } from "../excel/fake-excel";
import { officeJsPath } from "../excel/host/office-client";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves a directory on 127.0.0.1 at a random port. */
export async function serveDirectory(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const rootDir = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(rootDir, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(rootDir + sep) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

let fakeHostScript: string | null = null;

/** The fake Excel host as one script for `page.addInitScript`. */
export async function fakeHostBundle(): Promise<string> {
  if (fakeHostScript === null) {
    const result = await build({
      entryPoints: [join(__dirname, "fake-host-entry.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2022",
      logLevel: "silent",
    });
    fakeHostScript = result.outputFiles[0]?.text ?? "";
  }
  return fakeHostScript;
}

const officeJsScripts = new Map<"debug" | "release", string>();

/** What the page gets for Office's CDN script: the web flavour of office.js, then the attach call. */
export function officeJsForPage(build: "debug" | "release" = "debug"): string {
  let script = officeJsScripts.get(build);
  if (script === undefined) {
    script = `${readFileSync(officeJsPath("web", build), "utf8")}\n;window.__attachOfficeHost && window.__attachOfficeHost();\n`;
    officeJsScripts.set(build, script);
  }
  return script;
}

/** Where Chromium is, or null when it is not installed. */
export function chromiumPath(): string | null {
  const path = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  return existsSync(path) ? path : null;
}

/** Launches headless Chromium with the flags that work in a container. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Options for opening the pane. */
export interface OpenPaneOptions {
  /** The fake workbook; the sample workbook when omitted. */
  readonly init?: FakeExcelInit;
  /** Task pane size; Excel's default pane is about 350 pixels wide. */
  readonly viewport?: { width: number; height: number };
  readonly colorScheme?: "light" | "dark";
  /** A script run in the page before anything else (to watch for alert(), for instance). */
  readonly beforeLoad?: string;
  /** office.js as the tests use it (debug, readable stacks) or as Office's CDN serves it (release, minified). */
  readonly officeJs?: "debug" | "release";
}

/** A page with the pane loaded on the fake host, waiting until the pane has read the workbook (or refused to run). */
export async function openPane(browser: Browser, baseUrl: string, options: OpenPaneOptions = {}): Promise<Page> {
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 350, height: 700 },
    colorScheme: options.colorScheme ?? "light",
  });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ body: officeJsForPage(options.officeJs), contentType: "text/javascript" }),
  );
  if (options.beforeLoad) await page.addInitScript(options.beforeLoad);
  if (options.init) await page.addInitScript(`window.__fakeInit = ${JSON.stringify(options.init)};`);
  await page.addInitScript(await fakeHostBundle());
  await page.goto(`${baseUrl}taskpane.html`);
  await page.waitForSelector("#app[data-ready='true']", { timeout: 15_000 });
  return page;
}
