/** The task pane's entry point: waits for Office, applies its theme and starts the pane. */
import { startPane } from "./app";
import { excelHost } from "./excel-host";
import { applyOfficeTheme, officeTheme } from "./theme";

Office.onReady(async () => {
  const root = document.getElementById("app");
  if (!root) return;
  applyOfficeTheme(document.documentElement, officeTheme());
  await startPane(root, excelHost());
  root.setAttribute("aria-busy", "false");
  root.dataset["ready"] = "true";
});
