/**
 * A test Excel: the workbook model behind the RichApi host, with the controls tests use (what was
 * sent, failures to inject, the workbook's state as plain data). It holds no client: Microsoft's
 * office.js is attached to it by office-runtime.ts, in Node (test/excel/fake-excel.ts) or in a
 * page (the task pane's browser tests). Browser-safe (no Node imports).
 */
import { boxA1 } from "./addresses";
import { RichApiHost, type FakeCall, type FakeStats, type HostPlatform } from "./rich-api-host";
import { describeSheet, jsonCopy, WorkbookModel, type FakeSheet, type FakeSheetInit, type SheetDescription } from "./workbook-model";

/** How to start the host. */
export interface FakeExcelInit {
  readonly sheets: readonly FakeSheetInit[];
  /** Workbook settings (`context.workbook.settings`), key → value. */
  readonly settings?: Record<string, unknown>;
  /** Highest ExcelApi set supported, "1.9" unless given. */
  readonly apiVersion?: string;
  /** Start with a cell being edited: every request fails until `setCellEditMode(false)`. */
  readonly cellEditMode?: boolean;
  /** Excel on the web (5 MB cap on requests and responses, the default) or desktop Excel (none). */
  readonly platform?: HostPlatform;
  /** Request and response cap in bytes, instead of the platform's. */
  readonly payloadLimitBytes?: number;
  /** The sheet active when the workbook opens; the first visible one unless given. */
  readonly activeSheet?: string;
}

/** The host and its controls. */
export interface FakeHost {
  readonly host: RichApiHost;
  readonly model: WorkbookModel;
  readonly apiVersion: string;
  readonly platform: HostPlatform;
  readonly stats: FakeStats;
  /** Makes the call matching `target` (its index, or a predicate) fail with `code` at its request; once. */
  failAt(target: number | ((call: FakeCall) => boolean), code?: string): void;
  setCellEditMode(on: boolean): void;
  /** Zeroes the counters (call indexes restart at 0). */
  resetStats(): void;
  /** Worksheet names in tab order. */
  sheetNames(): string[];
  sheet(name: string): FakeSheet | undefined;
  describeSheet(name: string): SheetDescription;
  activeSheetName(): string | null;
  /** The selected range "Sheet!A1" or null. */
  selection(): string | null;
  /** The workbook settings as stored (values are JSON copies). */
  settings(): Record<string, unknown>;
}

/** Makes a test Excel holding the given sheets and settings. */
export function createFakeHost(init: FakeExcelInit): FakeHost {
  const model = new WorkbookModel();
  for (const s of init.sheets) model.seed(s);
  const active = init.activeSheet === undefined ? undefined : model.findSheet(init.activeSheet);
  model.activeSheet = active ?? model.live().find((s) => s.visibility === "Visible") ?? null;
  for (const [k, v] of Object.entries(init.settings ?? {})) model.settings.set(k, jsonCopy(v));
  const platform = init.platform ?? "web";
  const host = new RichApiHost(model, {
    platform,
    ...(init.payloadLimitBytes === undefined ? {} : { payloadLimitBytes: init.payloadLimitBytes }),
    cellEditMode: init.cellEditMode ?? false,
  });
  return {
    host,
    model,
    apiVersion: init.apiVersion ?? "1.9",
    platform,
    get stats() {
      return host.stats;
    },
    failAt: (target, code) => host.failAt(target, code),
    setCellEditMode: (on) => {
      host.cellEditMode = on;
    },
    resetStats: () => host.resetStats(),
    sheetNames: () => model.live().map((s) => s.name),
    sheet: (name) => model.findSheet(name),
    describeSheet(name) {
      const s = model.findSheet(name);
      if (!s) throw new Error(`No sheet named ${name}`);
      return describeSheet(model, s);
    },
    activeSheetName: () => model.activeSheet?.name ?? null,
    selection: () => (model.selection ? `${model.selection.sheet.name}!${boxA1(model.selection.box)}` : null),
    settings: () => Object.fromEntries([...model.settings].map(([k, v]) => [k, jsonCopy(v)])),
  };
}
