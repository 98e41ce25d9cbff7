import { promises as fs } from "node:fs";
import path from "node:path";
import { noHistory, parseHistory, serialiseHistory, type History, type HistoryReading } from "../core/history";

/**
 * The command line's report history: a JSON file in the format the add-in keeps in a workbook
 * (src/core/history.ts), next to the output (`dashboard.xlsx` → `dashboard.history.json`) or
 * wherever `--history` says. It is read on every build and written only with `--record`.
 */

/** Where the history lives: `--history`, else beside the output workbook; null when there is neither. */
export function historyFileFor(history: string | null, out: string | null): string | null {
  if (history !== null) return history;
  if (out === null) return null;
  const parsed = path.parse(out);
  return path.join(parsed.dir, `${parsed.name}.history.json`);
}

/** Reads the history file: none when it does not exist, else the history or why it cannot be used. */
export async function readHistoryFile(file: string): Promise<HistoryReading> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return noHistory;
    return {
      history: null,
      problem: `The report history "${file}" could not be read (${code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : (code ?? "error")}).`,
    };
  }
  const reading = parseHistory(text);
  return reading.problem === null ? reading : { history: null, problem: `${file}: ${reading.problem}` };
}

/**
 * Writes the history: to a temporary file in the same folder, then renamed over the old one, so
 * a failure part-way never leaves half a history.
 */
export async function writeHistoryFile(file: string, history: History): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  const temp = path.join(folder, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(temp, `${serialiseHistory(history)}\n`, "utf8");
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Cannot write the report history "${file}": ${code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? "error")}.`, {
      cause: error,
    });
  }
}
