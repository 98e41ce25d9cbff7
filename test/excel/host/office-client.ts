/**
 * Loads Microsoft's office.js client for Excel into this Node process, in the same realm as the
 * code under test (as in a task pane, where office.js and the add-in share one window): the
 * library expects `window` to be the global object, so it gets it, and a stub `document`,
 * `location` and `navigator` for the few lines that look at them while loading. The stubs are
 * removed again afterwards (mocha decides "browser or Node" from `document`).
 *
 * The web flavour (`excel-web-16.00.debug.js`) and the desktop flavour
 * (`excel-win32-16.01.debug.js`) define the same globals; loading the other flavour replaces them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Script } from "node:vm";
import type { HostPlatform } from "./rich-api-host";

const dist = join(__dirname, "..", "..", "..", "node_modules", "@microsoft", "office-js", "dist");

/** The library file each platform's Excel loads. */
export const officeJsFiles: Readonly<Record<HostPlatform, string>> = {
  web: "excel-web-16.00.debug.js",
  desktop: "excel-win32-16.01.debug.js",
};

/** Full path of a flavour's file: the debug build the tests load, or the minified one Office's CDN serves. */
export function officeJsPath(platform: HostPlatform, build: "debug" | "release" = "debug"): string {
  const file = officeJsFiles[platform];
  return join(dist, build === "debug" ? file : file.replace(/\.debug\.js$/, ".js"));
}

const scripts = new Map<HostPlatform, Script>();
let loaded: HostPlatform | null = null;
/** The globals the loaded flavour defined (top-level `var`s cannot be deleted, only cleared). */
let defined: string[] = [];

/** Makes sure this process has the platform's office.js loaded as its globals. */
export function loadOfficeJs(platform: HostPlatform): void {
  if (loaded === platform) return;
  let script = scripts.get(platform);
  if (!script) {
    script = new Script(readFileSync(officeJsPath(platform), "utf8"), { filename: officeJsFiles[platform] });
    scripts.set(platform, script);
  }
  const g = globalThis as Record<string, unknown>;
  const stubs: Record<string, unknown> = {
    document: { readyState: "complete", cookie: "", addEventListener: () => undefined, getElementsByTagName: () => [], getElementById: () => null },
    location: { href: "https://localhost/taskpane.html", search: "", hash: "", protocol: "https:", hostname: "localhost" },
  };
  const added: string[] = [];
  for (const [k, v] of Object.entries(stubs)) {
    if (!(k in g)) {
      g[k] = v;
      added.push(k);
    }
  }
  g["window"] = globalThis;
  if (!("navigator" in g)) g["navigator"] = { userAgent: "Node.js" };
  g["addEventListener"] ??= (): void => undefined;
  g["removeEventListener"] ??= (): void => undefined;
  // The other flavour's namespaces would be extended, not replaced (`var OSF = OSF || {}`), and
  // its `Office.context` cannot be redefined: clear them first, as a fresh page would have none.
  for (const k of defined) g[k] = undefined;
  const before = new Set(Object.keys(g));
  try {
    script.runInThisContext();
  } finally {
    for (const k of added) delete g[k];
  }
  defined = [...new Set([...defined, ...Object.keys(g).filter((k) => !before.has(k))])];
  loaded = platform;
}
