/**
 * Connects Microsoft's office.js host library (`excel-web-16.00.debug.js` or
 * `excel-win32-16.01.debug.js` from @microsoft/office-js, already run in the page or in Node) to
 * a test host, doing what Office's loader and host bridge do in a real Excel:
 * - `OSF.DDA.RichApi.executeRichApiRequestAsync`, through which the client's OfficeJsRequestExecutor
 *   sends every `context.sync()`, goes to the host;
 * - `Office.context.requirements.isSetSupported` answers from the host's ExcelApi version, so the
 *   client itself refuses an API above it (ApiNotFound), as Excel does;
 * - `Office.onReady` resolves with the host and platform, as the loader does once Office answers.
 * Excel.run, Excel.RequestContext, loading, batching and errors are then the client's own.
 * Browser-safe (no Node imports).
 */
import type { FakeHost } from "./fake-host";
import type { RichApiResult } from "./rich-api-host";

/** The globals office.js defines that the glue touches. */
interface OfficeJsGlobals {
  OSF?: {
    DDA: { RichApi: { executeRichApiRequestAsync?: ((message: unknown[], callback: (r: RichApiResult) => void) => void) | undefined } };
    _OfficeAppFactory?: unknown;
  };
  Office?: Record<string, unknown>;
}

/** Whether an ExcelApi version is at least `want` ("1.10" is above "1.9"). */
export function versionAtLeast(have: string, want: string): boolean {
  const h = have.split(".").map(Number);
  const w = want.split(".").map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const a = h[i] ?? 0;
    const b = w[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** Points the office.js library on `target` at the host; returns what it replaced, to undo. */
export function attachOfficeRuntime(target: unknown, fake: FakeHost): () => void {
  const g = target as OfficeJsGlobals;
  const OSF = g.OSF;
  const Office = g.Office;
  if (!OSF || !Office) throw new Error("office.js has not been loaded: OSF and Office are missing.");
  const before = { execute: OSF.DDA.RichApi.executeRichApiRequestAsync, factory: OSF._OfficeAppFactory, onReady: Office["onReady"] };
  const info = { host: "Excel", platform: fake.platform === "web" ? "OfficeOnline" : "PC" };
  const context = {
    requirements: {
      // Only ExcelApi is claimed; the client asks about its own runtime sets (RichApiRuntime…)
      // too, and a host without them makes it fall back to what every Excel supports.
      isSetSupported: (name: string, version?: string | number) => name === "ExcelApi" && versionAtLeast(fake.apiVersion, String(version ?? "1.1")),
    },
    host: info.host,
    platform: info.platform,
  };
  OSF.DDA.RichApi.executeRichApiRequestAsync = (message, callback) => fake.host.execute(message, callback);
  OSF._OfficeAppFactory = {
    getContext: () => context,
    getHostInfo: () => ({ hostType: "excel", hostPlatform: fake.platform === "web" ? "web" : "win32", isDialog: false, flags: 0 }),
    getId: () => "kpi-dashboard-test-host",
  };
  Office["onReady"] = (callback?: (i: typeof info) => void): Promise<typeof info> => {
    callback?.(info);
    return Promise.resolve(info);
  };
  Office["HostType"] ??= { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote" };
  Office["PlatformType"] ??= { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" };
  return () => {
    OSF.DDA.RichApi.executeRichApiRequestAsync = before.execute;
    OSF._OfficeAppFactory = before.factory;
    Office["onReady"] = before.onReady;
  };
}
