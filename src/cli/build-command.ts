import { constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Dashboard } from "../core/dashboard";
import type { Diagnostic } from "../core/diagnostics";
import { documentTitle } from "../core/layout";
import { indicatorDetector, rateAndLayOut, type PipelineResult } from "../core/pipeline";
import type { WorkbookReading } from "../core/reading";
import { mappingSchema, parseSettings, type Settings } from "../core/settings";
import { changesInWords, historySheetName, ownerOf, recordSnapshot, reportMonthWords, snapshotOf, type HistoryReading } from "../core/history";
import { historyFileFor, readHistoryFile, writeHistoryFile } from "./history-file";
import { writeCoverReport } from "./cover-report-file";
import { sameFile, writeFileAtomically } from "./output-file";
import { convertToPdf, renderFirstPage } from "./pdf";
import { defaultMaxCells, readWorkbook } from "./xlsx-reader";
import { writeDashboardWorkbook } from "./xlsx-writer";

/**
 * `kpi-dashboard build`: reads a workbook, runs the pipeline and writes the dashboard as a new
 * workbook (and PDF/PNG), or prints it as JSON. Everything that can go wrong with the user's
 * input ends as one line on stderr and a non-zero exit, never a stack trace.
 *
 * Exit codes: 0 built; 2 bad input, nothing written (no such file, not a workbook, a bad option,
 * settings or mapping, an output that is the input or cannot be written); 3 built, but some of
 * the workbook could not be read (a sheet too large or unreadable, a mapping that could not be
 * used: every error diagnostic), each said on stderr; 1 a converter asked for is missing or
 * failed, or an unexpected failure. When more than one applies, 3 wins over 1.
 */

/** Exit code when the dashboard was built but part of the workbook could not be read. */
export const exitPartlyRead = 3;

/** Something wrong with what the user gave us: shown as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The build command's options after parsing. */
export interface BuildOptions {
  readonly workbook: string;
  readonly period: string | null;
  readonly map: string | null;
  readonly settings: string | null;
  readonly out: string | null;
  readonly pdf: boolean;
  readonly png: boolean;
  readonly json: boolean;
  readonly title: string | null;
  readonly groupBy: "frequency" | "service-area" | null;
  /** Record this dashboard as reported in the history file (`--record`). */
  readonly record?: boolean;
  /** The history file (`--history`); by default beside the output. */
  readonly history?: string | null;
  /** Draw the trend charts (as the settings' `charts`). */
  readonly charts: boolean;
  /** The documents' author; none when not given, for the council to fill in. */
  readonly author: string | null;
  /** Where to write the cover report (.docx), or null. */
  readonly docx: string | null;
}

/** Where the command writes: its two streams, and today's date for "Produced". */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** YYYY-MM-DD. */
  readonly today: string;
  /** The time now, ISO; when a report is recorded. Midnight of `today` when not given. */
  readonly now?: string;
}

/** Usage text for the build command. */
export const buildUsage =
  "Usage: kpi-dashboard build <workbook.xlsx> [--period YYYY-MM] [--map mapping.json] [--settings settings.json] " +
  '[--out dashboard.xlsx] [--pdf] [--png] [--docx report.docx] [--charts] [--author "..."] [--json] [--title "..."] [--group-by frequency|service-area] [--record] [--history history.json]';

/** Parses the build command's arguments (after the word "build"); throws UsageError with one line. */
export function parseBuildArgs(args: readonly string[]): BuildOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        period: { type: "string" },
        map: { type: "string" },
        settings: { type: "string" },
        out: { type: "string" },
        pdf: { type: "boolean", default: false },
        png: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        title: { type: "string" },
        "group-by": { type: "string" },
        record: { type: "boolean", default: false },
        history: { type: "string" },
        charts: { type: "boolean", default: false },
        author: { type: "string" },
        docx: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message.split("\n")[0] : String(error)}. ${buildUsage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError(positionals.length === 0 ? `No workbook given. ${buildUsage}` : `Give one workbook, not ${positionals.length}. ${buildUsage}`);
  }
  const period = values.period ?? null;
  if (period !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) {
    throw new UsageError(`--period must be a month written YYYY-MM, for example 2013-01 (got "${period}").`);
  }
  const groupBy = values["group-by"] ?? null;
  if (groupBy !== null && groupBy !== "frequency" && groupBy !== "service-area") {
    throw new UsageError(`--group-by must be "frequency" or "service-area" (got "${groupBy}").`);
  }
  return {
    workbook: positionals[0],
    period,
    map: values.map ?? null,
    settings: values.settings ?? null,
    out: values.out ?? null,
    pdf: values.pdf === true,
    png: values.png === true,
    json: values.json === true,
    title: values.title ?? null,
    groupBy,
    record: values.record === true,
    history: values.history ?? null,
    charts: values.charts === true,
    author: values.author ?? null,
    docx: values.docx ?? null,
  };
}

async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `The ${what} file "${file}" was not found.` : `The ${what} file "${file}" could not be read (${code ?? "error"}).`,
    );
  }
  // Windows Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : "invalid JSON";
    throw new UsageError(`The ${what} file "${file}" is not valid JSON (${detail}).`);
  }
}

/** Settings for the build: defaults, then --settings, then --map, --period, --title and --group-by on top. */
export async function resolveSettings(options: BuildOptions): Promise<Settings> {
  let settings: Settings;
  const parsed = parseSettings(options.settings ? await readJsonFile(options.settings, "settings") : {});
  if (!parsed.ok) throw new UsageError(`${options.settings ?? "settings"}: ${parsed.message}`);
  settings = parsed.settings;
  if (options.map) {
    const json = await readJsonFile(options.map, "mapping");
    const mapping = mappingSchema.safeParse(json);
    if (!mapping.success) {
      const issue = mapping.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
      throw new UsageError(`The mapping file "${options.map}" is not a column mapping${where}: ${issue?.message ?? "invalid"}.`);
    }
    settings = { ...settings, mapping: mapping.data };
  }
  if (options.period) settings = { ...settings, period: options.period };
  if (options.title !== null) settings = { ...settings, title: options.title };
  if (options.groupBy) settings = { ...settings, grouping: options.groupBy === "service-area" ? "serviceArea" : "frequency" };
  if (options.charts) settings = { ...settings, charts: true };
  return settings;
}

/** "12 indicators: 4 green, 2 amber, 2 red, 1 no data, 1 no target, 2 activity"; exceeded and monitor-only counts only when there are some. */
export function summaryLine(dashboard: Dashboard): string {
  const t = dashboard.summary.total;
  const parts = [`${t.GREEN} green`, `${t.AMBER} amber`, `${t.RED} red`, `${t.NO_DATA} no data`];
  if (t.EXCEEDED > 0) parts.unshift(`${t.EXCEEDED} exceeded`);
  if (t.NO_TARGET > 0) parts.push(`${t.NO_TARGET} no target`);
  if (t.MONITOR > 0) parts.push(`${t.MONITOR} monitor only`);
  if (t.activity > 0) parts.push(`${t.activity} activity`);
  return `${t.total} indicator${t.total === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

/** What a build keeps once the indicators are rated: the readings of the sheets (for the JSON), the dashboard and its plan. */
type BuiltDashboard = Pick<PipelineResult, "dashboard" | "plan"> & { readonly sheets: WorkbookReading["sheets"]; readonly indicatorsFound: number };

/** The --json document. `indicators` and `diagnostics` are a promise to users: keep their names; add fields, never rename. */
export function jsonOutput(result: Pick<BuiltDashboard, "dashboard" | "sheets">, written: Readonly<Record<string, string>>): unknown {
  const d = result.dashboard;
  return {
    indicators: d.indicators,
    diagnostics: d.diagnostics,
    summary: d.summary,
    exceptions: d.exceptions,
    coverage: d.coverage,
    cutoff: d.cutoff,
    produced: d.produced,
    title: d.title,
    directorate: d.directorate,
    guidance: d.guidance,
    changes: d.changes,
    revisions: d.revisions,
    sheets: result.sheets,
    written,
    missingCommentary: d.missingCommentary,
    rules: d.rules,
  };
}

/** Fails early, before any work, when the output file could not be written. */
async function checkWritable(out: string): Promise<void> {
  const folder = path.dirname(path.resolve(out));
  try {
    await fs.mkdir(folder, { recursive: true });
    await fs.access(folder, fsConstants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "ENOTDIR" || code === "EEXIST"
          ? "part of its folder path is a file"
          : (code ?? "error");
    throw new UsageError(`Cannot write "${out}": ${why}.`);
  }
  const existing = await fs.stat(out).catch(() => null);
  if (existing?.isDirectory()) throw new UsageError(`Cannot write "${out}": it is a folder.`);
}

/** The documents' properties: the dashboard's title and month, en-GB, and the author only when given. */
export function documentProperties(
  result: Pick<PipelineResult, "dashboard">,
  author: string | null,
): { title: string; author: string; language: string; created: Date } {
  return {
    title: documentTitle(result.dashboard),
    author: author?.trim() ?? "",
    language: "en-GB",
    created: new Date(`${result.dashboard.produced}T00:00:00Z`),
  };
}

async function writeWorkbook(result: Pick<BuiltDashboard, "dashboard" | "plan">, out: string, author: string | null): Promise<void> {
  // The sheet is streamed row by row: memory follows a row of the dashboard, not the whole sheet.
  const bytes = await writeDashboardWorkbook(result.plan, documentProperties(result, author));
  try {
    await writeFileAtomically(out, (temporary) => fs.writeFile(temporary, bytes));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EBUSY" ? "the file is open in another program" : (code ?? "error");
    throw new UsageError(`Cannot write "${out}": ${why}.`);
  }
}

/** The reader's cell limit: $KPI_DASHBOARD_MAX_CELLS when set to a positive whole number, else the default. */
export function maxCellsSetting(): number {
  const n = Number(process.env.KPI_DASHBOARD_MAX_CELLS);
  return Number.isInteger(n) && n > 0 ? n : defaultMaxCells;
}

/** Refuses any output path that is the input under another name (a link, a relative path). */
async function refuseInputAsOutput(input: string, outputs: readonly string[], option = "--out"): Promise<void> {
  for (const file of outputs) {
    if (path.resolve(file) === path.resolve(input) || (await sameFile(input, file))) {
      throw new UsageError(
        `${option} "${file}" is the input workbook (under another name or through a link); the input is never overwritten, so choose another file name.`,
      );
    }
  }
}

/** The files a build writes beside the .xlsx: the PDF and PNG take its name. */
function besideOutputs(out: string, options: BuildOptions): string[] {
  const stem = path.join(path.dirname(out), path.parse(out).name);
  return [out, ...(options.pdf || options.png ? [`${stem}.pdf`] : []), ...(options.png ? [`${stem}.png`] : [])];
}

/** What stderr says about the reading beyond the counts: every error (part of the workbook not read), formulas never calculated, hidden sheets left out. */
function readingLines(diagnostics: readonly Diagnostic[]): string[] {
  const lines: string[] = [];
  for (const d of diagnostics) {
    if (d.severity === "error") lines.push(`kpi-dashboard: error: ${d.message}`);
    else if (d.code === "formulas-not-calculated") lines.push(`kpi-dashboard: ${d.message}`);
  }
  const hidden = diagnostics.filter((d) => d.code === "sheet-hidden").map((d) => d.sheet ?? "");
  if (hidden.length > 0) {
    lines.push(
      `${hidden.length === 1 ? "A hidden sheet was" : `${hidden.length} hidden sheets were`} not read: ${hidden.map((h) => `"${h}"`).join(", ")} (name ${hidden.length === 1 ? "it" : "them"} in the settings' sheets to read ${hidden.length === 1 ? "it" : "them"}).`,
    );
  }
  return lines;
}

/** Reads the workbook and finds its indicators sheet by sheet, letting each grid (a large workbook's largest part) go once its indicators are found. */
async function readAndFind(workbook: string, settings: Settings): Promise<WorkbookReading> {
  const detector = indicatorDetector(settings);
  // The add-in's own history sheet (very hidden) is never indicator data, nor a hidden sheet left out.
  const read = await readWorkbook(workbook, {
    sheets: settings.sheets,
    maxCells: maxCellsSetting(),
    onSheet: (grid) => {
      if (grid.sheet !== historySheetName) detector.addSheet(grid);
    },
  });
  return detector.finish({ ...read.notes, unread: read.notes.unread.filter((u) => u.sheet !== historySheetName) });
}

/**
 * Reads, rates and lays out. Returns no more than the rest of the build needs: the indicators
 * read (every observation of every indicator, the bulk of a large workbook's memory) are let go
 * once rated, only their count kept for the summary.
 */
async function buildFromFile(options: BuildOptions, settings: Settings, today: string, history: HistoryReading | undefined): Promise<BuiltDashboard> {
  const reading = await readAndFind(options.workbook, settings);
  // The JSON promises each indicator's trend; otherwise only charts (on the sheet or in the cover report) read it.
  const { dashboard, plan } = rateAndLayOut(reading, settings, today, {
    trends: settings.charts || options.json || options.docx !== null,
    ...(history ? { history } : {}),
  });
  return { dashboard, plan, sheets: reading.sheets, indicatorsFound: reading.indicators.length };
}

/** Runs `build` with parsed options; returns the exit code. Throws only for unexpected failures. */
export async function runBuild(options: BuildOptions, io: CommandIo): Promise<number> {
  const settings = await resolveSettings(options);
  const out = options.out ?? (options.json && !options.pdf && !options.png ? null : "dashboard.xlsx");
  if (out) await refuseInputAsOutput(options.workbook, besideOutputs(out, options));
  if (out) await checkWritable(out);
  // The report history: read on every build, written only with --record, never over one that cannot be read.
  const historyFile = historyFileFor(options.history ?? null, out);
  const record = options.record === true;
  if (record && historyFile === null) throw new UsageError("--record needs somewhere to keep the history: give --out or --history.");
  if (record && historyFile) await refuseInputAsOutput(options.workbook, [historyFile], "--history");
  const history = historyFile ? await readHistoryFile(historyFile) : null;
  if (record && history?.problem) throw new UsageError(`Not recorded: ${history.problem} Move it aside or give another --history file.`);
  if (options.docx) {
    await refuseInputAsOutput(options.workbook, [options.docx], "--docx");
    await checkWritable(options.docx);
  }
  const result = await buildFromFile(options, settings, io.today, history ?? undefined);
  io.stderr(`Read ${options.workbook}\n`);
  const found = result.sheets.filter((s) => s.layout !== "none").length;
  io.stderr(`Found ${result.indicatorsFound} indicators on ${found} sheet${found === 1 ? "" : "s"}; ${result.dashboard.coverage}\n`);
  for (const line of readingLines(result.dashboard.diagnostics)) io.stderr(`${line}\n`);
  const problems = result.dashboard.diagnostics.filter((d) => d.severity !== "info").length;
  if (problems > 0)
    io.stderr(
      `${problems} warning${problems === 1 ? "" : "s"} or error${problems === 1 ? "" : "s"} while reading (listed in the dashboard's data notes${options.json ? " and the JSON" : ""})\n`,
    );

  const written: Record<string, string> = {};
  let exitCode = result.dashboard.diagnostics.some((d) => d.severity === "error") ? exitPartlyRead : 0;
  if (out) {
    await writeWorkbook(result, out, options.author);
    written.xlsx = out;
    if (options.pdf || options.png) {
      try {
        const pdf = await convertToPdf(out);
        // Shown beside the .xlsx path as the user wrote it.
        const beside = (file: string): string => path.join(path.dirname(out), path.basename(file));
        written.pdf = beside(pdf);
        if (options.png) written.png = beside(await renderFirstPage(pdf));
      } catch (error) {
        io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
        if (exitCode === 0) exitCode = 1;
      }
    }
  }
  const since = changesInWords(result.dashboard.changes);
  if (since) io.stderr(`${since}\n`);
  if (record && historyFile) {
    const recording = recordSnapshot(
      history?.history ?? null,
      snapshotOf(result.dashboard, settings, io.now ?? `${io.today}T00:00:00.000Z`),
      ownerOf(result.dashboard),
    );
    try {
      await writeHistoryFile(historyFile, recording.history);
    } catch (error) {
      // Like an output that cannot be written: one line, exit code 2.
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    written.history = historyFile;
    const kept = recording.history.snapshots.length;
    io.stderr(
      `Recorded as the report of ${reportMonthWords(result.dashboard.cutoff)} in ${historyFile} (${kept} report${kept === 1 ? "" : "s"} kept). ${recording.notes.join(" ")}`.trimEnd() +
        "\n",
    );
  }
  if (options.docx) {
    try {
      await writeCoverReport(result.dashboard, options.docx, options.author);
      written.docx = options.docx;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `Cannot write "${options.docx}": ${code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EBUSY" ? "the file is open in another program" : (code ?? (error instanceof Error ? error.message : "error"))}.`,
      );
    }
  }
  if (options.json) io.stdout(`${JSON.stringify(jsonOutput(result, written), null, 2)}\n`);
  const outputs = Object.values(written);
  io.stderr(`${summaryLine(result.dashboard)}${outputs.length > 0 ? `; ${outputs.join(", ")} written` : ""}\n`);
  return exitCode;
}
