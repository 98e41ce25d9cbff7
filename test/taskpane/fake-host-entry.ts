/**
 * Bundled (by esbuild, as an IIFE) into the page before the task pane loads: builds the test
 * Excel host from `window.__fakeInit` (or the sample workbook). The page then loads Microsoft's
 * office.js (served in place of the CDN's, see browser.ts), which calls `__attachOfficeHost` once
 * it has run, so the pane talks to the host through the real client, exactly as in Node. The
 * test reads `window.__fake` to see what the pane did to the workbook.
 */
import { createFakeHost, type FakeExcelInit, type FakeHost } from "../excel/host/fake-host";
import { attachOfficeRuntime } from "../excel/host/office-runtime";
import { sampleWorkbook } from "./fake-workbook";

declare global {
  interface Window {
    __fakeInit?: FakeExcelInit;
    __fake?: FakeHost;
    __attachOfficeHost?: () => void;
    /** When office.js had run (ms since navigation start): the pane's own time starts here. */
    __officeJsReadyAt?: number;
  }
}

const fake = createFakeHost(window.__fakeInit ?? sampleWorkbook());
window.__fake = fake;
window.__attachOfficeHost = () => {
  attachOfficeRuntime(window, fake);
  window.__officeJsReadyAt = performance.now();
};
