/** The task pane's entry point: waits for Office, applies its theme and starts the pane. */
import { startPane } from "./app";
import { excelHost } from "./excel-host";
import { applyOfficeTheme, followSystemTheme, officeTheme } from "./theme";

Office.onReady(async () => {
  const root = document.getElementById("app");
  if (!root) return;
  const page = document.documentElement;
  applyOfficeTheme(page, officeTheme());
  if (!page.dataset["theme"]) followSystemTheme(page, window.matchMedia("(prefers-color-scheme: dark)"));
  try {
    await startPane(root, excelHost());
  } finally {
    root.setAttribute("aria-busy", "false");
    // Marks the pane interactive, with the time since navigation: tests and the benchmark wait for it.
    root.dataset["readyAt"] = String(Math.round(performance.now()));
    root.dataset["ready"] = "true";
  }
});
