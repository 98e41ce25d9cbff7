/**
 * Bundled (by esbuild, as an IIFE) into the page before the task pane loads: builds a fake
 * Excel host from `window.__fakeInit` (or the sample workbook) and installs it as the page's
 * `Office` and `Excel`. The test reads `window.__fake` to see what the pane did to the workbook.
 */
import { createFakeExcel, type FakeExcel, type FakeExcelInit } from "../excel/fake-excel";
import { sampleWorkbook } from "./fake-workbook";

declare global {
  interface Window {
    __fakeInit?: FakeExcelInit;
    __fake?: FakeExcel;
  }
}

const fake = createFakeExcel(window.__fakeInit ?? sampleWorkbook());
fake.install(window as unknown as Record<string, unknown>);
window.__fake = fake;
