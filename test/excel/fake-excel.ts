/**
 * The Excel the adapter's tests run against: Microsoft's own office.js client (from
 * @microsoft/office-js, loaded into this process by host/office-client.ts) talking to a host that
 * answers its real serialized requests from a workbook model (host/rich-api-host.ts,
 * host/object-model.ts). Loading rules, PropertyNotLoaded, batching, object addressing and the
 * errors' shape are the client's; what Excel does with a request, its refusals and its limits are
 * the host's, each with its source.
 *
 * `createFakeExcel` gives the host's controls plus `Excel.run` bound to it, and `install()` to
 * make it the process's Excel for code that calls the global `Excel.run`.
 */
import { createFakeHost, type FakeExcelInit, type FakeHost } from "./host/fake-host";
import { loadOfficeJs } from "./host/office-client";
import { attachOfficeRuntime } from "./host/office-runtime";

export type { FakeExcelInit, FakeHost } from "./host/fake-host";
export type { FakeCall, FakeRequest, FakeStats, HostPlatform } from "./host/rich-api-host";
export type { FakeCellFormat, FakeChart, FakeConditionalFormat, FakeSheetInit, SheetDescription } from "./host/workbook-model";

/** An error as the client raises it (OfficeExtension.Error): switch on `code`. */
export type FakeOfficeError = OfficeExtension.Error;

/** The test Excel: the host's controls, and Microsoft's client pointed at it. */
export interface FakeExcel extends FakeHost {
  /** `Excel.run` against this host (the real client's). */
  readonly Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
  /** The `Office` namespace of the loaded client, as this host answers it. */
  readonly Office: typeof Office;
  /** Makes this host the process's Excel (the global `Excel` and `Office`); returns the undo. */
  install(): () => void;
}

let attached: FakeHost | null = null;

/** Points the process's office.js at `fake` (loading the platform's flavour when needed). */
function attach(fake: FakeHost): void {
  loadOfficeJs(fake.platform);
  attachOfficeRuntime(globalThis, fake);
  attached = fake;
}

/** Makes a test Excel holding the given sheets and settings. */
export function createFakeExcel(init: FakeExcelInit): FakeExcel {
  const fake = createFakeHost(init);
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    attach(fake);
    return Excel.run(batch);
  };
  return Object.assign(fake, {
    Excel: { run },
    get Office(): typeof Office {
      attach(fake);
      return Office;
    },
    install(): () => void {
      const previous = attached;
      attach(fake);
      // The client's clean-up request at the end of a run is not awaited, so the host stays
      // attached after uninstall until another one is; a late clean-up then still lands here.
      return () => {
        if (previous && previous !== fake) attach(previous);
      };
    },
  });
}

/**
 * For a describe block whose tests each start their own host: `start(init)` makes it and makes it
 * the process's Excel; it is undone after each test. `current()` is the host of the running test.
 */
export function fakeExcelPerTest(): { start: (init: FakeExcelInit) => FakeExcel; current: () => FakeExcel } {
  let fake: FakeExcel | null = null;
  let uninstall: () => void = () => undefined;
  afterEach(() => {
    uninstall();
    uninstall = () => undefined;
  });
  return {
    start(init) {
      uninstall();
      fake = createFakeExcel(init);
      uninstall = fake.install();
      return fake;
    },
    current() {
      if (!fake) throw new Error("start() has not been called in this test.");
      return fake;
    },
  };
}
