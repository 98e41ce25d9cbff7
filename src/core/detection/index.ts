import { appendAll } from "../append";
import { diagnostic, type Diagnostic } from "../diagnostics";
import type { CellValue, Grid, ReadingNotes, UnreadSheet } from "../grid";
import type { Indicator } from "../indicator";
import type { Period } from "../period";
import type { SheetReading, WorkbookReading } from "../reading";
import type { ColumnRole, Mapping, SheetMapping } from "../settings";
import { findHeaders, guessWideHeader, type TableColumn, type TableHeader } from "./find-tables";
import { parsePeriod } from "./period-text";
import { readTable, saysRolling, type TableResult } from "./read-table";
import { ambiguousPeriodWords, ambiguousReadings, periodContext } from "./period-context";
import { sheetView, type SheetView } from "./sheet-view";
import { unusedColumnsNote } from "./unused-columns";

/**
 * Finds the indicator tables on each sheet (or reads them with a hand-made mapping) and turns
 * them into Indicators. One bad sheet never stops the others: whatever goes wrong becomes an
 * error diagnostic for that sheet.
 */

/** How to read a workbook. */
export interface DetectOptions {
  /** Hand-made mappings by sheet name; a mapped sheet is read as mapped, without detection. */
  readonly mapping?: Mapping;
  /** First month of the reporting year (4 = April), for quarters and years. */
  readonly yearStartMonth: number;
  /** Sheets to read; null or absent reads every sheet. */
  readonly sheets?: readonly string[] | null;
  /** What the host could not read or noticed while reading (hidden or too large sheets, formulas without results). */
  readonly notes?: ReadingNotes;
}

const LOOKED_FOR =
  'a header row with an indicator name (or reference) column and either period columns (such as "Apr-12", "Q1 2012/13" or "2012/13") or Period and Actual columns';

function periodRange(first: Period | null, last: Period | null): string {
  if (!first || !last) return "no results yet";
  return first.label === last.label ? `results for ${first.label}` : `results from ${first.label} to ${last.label}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describeTable(header: TableHeader, result: TableResult, view: SheetView): string {
  const kinds = [
    result.kpis > 0 ? plural(result.kpis, "KPI", "KPIs") : null,
    result.activities > 0 ? plural(result.activities, "activity indicator", "activity indicators") : null,
  ].filter((x) => x !== null);
  const found = kinds.length > 0 ? kinds.join(" and ") : "no indicators";
  return `${header.layout} table with its header on row ${view.rowNumber(header.row)}: ${found}, ${periodRange(result.first, result.last)}`;
}

function columnsOf(view: SheetView, header: TableHeader): SheetReading["columns"] {
  return header.columns.filter((c) => c.role !== "ignore").map((c) => ({ column: view.letters(c.col), header: c.header, role: c.role }));
}

function textOfRows(view: SheetView, from: number, to: number): string {
  const parts: string[] = [];
  for (let r = Math.max(0, from); r < to && r < view.rows && parts.length <= 20; r++) {
    view.forEachValue(r, (_, v) => {
      if (typeof v === "string" && v.trim() !== "") parts.push(v);
      return parts.length > 20;
    });
  }
  return parts.join(" ");
}

interface SheetOutcome {
  readonly reading: SheetReading;
  readonly indicators: Indicator[];
  /** What identifies each indicator, in step with `indicators`, for finding one given twice. */
  readonly identities: { readonly key: string; readonly cell: string }[];
  readonly diagnostics: Diagnostic[];
}

function noneReading(sheet: string, note: string, mapped = false): SheetReading {
  return { sheet, layout: "none", headerRow: null, columns: [], kpis: 0, activities: 0, sure: true, note, mapped };
}

/** Reads the tables found under the given headers, each ending where the next begins. */
function readTables(
  view: SheetView,
  headers: readonly TableHeader[],
  yearStartMonth: number,
  defaults: SheetMapping["defaults"] | undefined,
  mapped: boolean,
  ignoredByHand?: ReadonlySet<number>,
): SheetOutcome {
  const diagnostics: Diagnostic[] = [];
  const indicators: Indicator[] = [];
  const identities: { key: string; cell: string }[] = [];
  const notes: string[] = [];
  let sure = true;
  let kpis = 0;
  let activities = 0;
  let titleFrom = 0;
  const sheetRolling = saysRolling(view.sheet);
  headers.forEach((header, i) => {
    const end = headers[i + 1]?.row ?? view.rows;
    const rollingHint = sheetRolling || saysRolling(textOfRows(view, titleFrom, header.row));
    const result = readTable(view, header, end, { yearStartMonth, rollingHint, defaults });
    titleFrom = result.lastRow + 1;
    if (header.upperRow !== undefined) {
      diagnostics.push(
        diagnostic(
          "two-row-header",
          view.sheet,
          view.address(header.upperRow, header.roles.get("name") ?? header.roles.get("ref") ?? 0),
          `The header of the table on sheet "${view.sheet}" spans rows ${view.rowNumber(header.upperRow)} and ${view.rowNumber(header.row)} (names above, periods below): the two rows were read as one header.`,
        ),
      );
    }
    appendAll(diagnostics, result.diagnostics);
    appendAll(indicators, result.indicators);
    appendAll(identities, result.identities);
    kpis += result.kpis;
    activities += result.activities;
    notes.push(describeTable(header, result, view));
    for (const dup of header.duplicates) {
      sure = false;
      const first = header.roles.get(dup.role);
      diagnostics.push(
        diagnostic(
          "duplicate-column",
          view.sheet,
          view.address(header.row, dup.col),
          `Column ${view.letters(dup.col)} ("${dup.header}") on sheet "${view.sheet}" looks like a second ${dup.role} column: only column ${first === undefined ? "?" : view.letters(first)} is read. Map the columns by hand if that is wrong.`,
        ),
      );
    }
    if (header.guessed) {
      sure = false;
      const nameCol = header.roles.get("name") ?? 0;
      diagnostics.push(
        diagnostic(
          "guessed-header-row",
          view.sheet,
          view.address(header.row, nameCol),
          `No recognised header on sheet "${view.sheet}": row ${view.rowNumber(header.row)} was taken as the header, with indicator names in column ${view.letters(nameCol)}. Check the mapping.`,
        ),
      );
    }
    for (const a of header.ambiguous ?? []) {
      const readings = ambiguousReadings(view.value(header.row, a.col), view.format(header.row, a.col), yearStartMonth);
      const cell = view.address(header.row, a.col);
      if (readings)
        diagnostics.push(
          diagnostic("ambiguous-period", view.sheet, cell, `Cell ${cell} on sheet "${view.sheet}": ${ambiguousPeriodWords(a.header, readings, a.readAs)}`),
        );
    }
    if (!header.roles.has("name") && header.roles.has("ref")) {
      sure = false;
      notes.push("no indicator name column, so references are used as names");
    }
    if (!header.roles.has("polarity") && result.polarityDefaulted > 0) {
      diagnostics.push(
        diagnostic(
          "no-polarity-column",
          view.sheet,
          null,
          `Sheet "${view.sheet}" has no Polarity column for the table on row ${view.rowNumber(header.row)}: ${plural(result.polarityDefaulted, "KPI is", "KPIs are")} treated as higher is better.`,
        ),
      );
    }
  });
  const unused = unusedColumnsNote(view, headers, ignoredByHand);
  if (unused) diagnostics.push(unused);
  const first = headers[0];
  const layouts = new Set(headers.map((h) => h.layout));
  const layout = first ? (layouts.size === 1 ? first.layout : first.layout) : "none";
  const note = headers.length > 1 ? `${headers.length} tables: ${notes.join("; ")}.` : `${notes.join("; ").replace(/^./, (c) => c.toUpperCase())}.`;
  return {
    reading: {
      sheet: view.sheet,
      layout,
      headerRow: first ? view.rowNumber(first.row) : null,
      columns: first ? columnsOf(view, first) : [],
      kpis,
      activities,
      sure,
      note: sure ? note : `${note} Detection was unsure: check the mapping.`,
      mapped,
    },
    indicators,
    identities,
    diagnostics,
  };
}

function detectSheet(view: SheetView, yearStartMonth: number): SheetOutcome {
  let headers = findHeaders(view, yearStartMonth);
  if (headers.length === 0) {
    const guess = guessWideHeader(view, yearStartMonth);
    if (guess) headers = [guess];
  }
  if (headers.length === 0) {
    const rows = view.rows === 0 ? "the sheet is empty" : `rows ${view.rowNumber(0)}-${view.rowNumber(view.rows - 1)} were searched`;
    return {
      reading: noneReading(view.sheet, `No indicator table found: looked for ${LOOKED_FOR}; ${rows}.`),
      indicators: [],
      identities: [],
      diagnostics: [],
    };
  }
  return readTables(view, headers, yearStartMonth, undefined, false);
}

/** Builds a table header from a hand-made mapping; null (with an error diagnostic) when the mapping cannot be used. */
function mappedHeader(view: SheetView, mapping: SheetMapping, yearStartMonth: number, diagnostics: Diagnostic[]): TableHeader | null {
  const sheet = view.sheet;
  const row = view.rowOfNumber(mapping.headerRow);
  if (row === null) {
    diagnostics.push(
      diagnostic(
        "mapping-header-outside-data",
        sheet,
        null,
        `The mapping for sheet "${sheet}" puts the header on row ${mapping.headerRow}, which is outside the part of the sheet that holds data: the sheet is not read.`,
      ),
    );
    return null;
  }
  const roles = new Map<ColumnRole, number>();
  const columns: TableColumn[] = [];
  const taken = new Set<number>();
  // The header row's cells it holds, not its width (a stray far cell makes that 16,384).
  const cells: { value: CellValue; format: string }[] = [];
  if (mapping.layout === "wide") view.forEachValue(row, (c, value) => void cells.push({ value, format: view.format(row, c) }));
  const reading = mapping.layout === "wide" ? (periodContext(cells, yearStartMonth)?.reading ?? "month") : "month";
  const headerOf = (col: number): string => {
    const v = view.value(row, col);
    return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
  };
  for (const [letters, role] of Object.entries(mapping.columns)) {
    const col = view.colOfLetters(letters);
    if (col === null) {
      diagnostics.push(
        diagnostic(
          "mapping-column-outside-data",
          sheet,
          null,
          `The mapping for sheet "${sheet}" names column ${letters.toUpperCase()}, which is outside the part of the sheet that holds data: it is ignored.`,
        ),
      );
      continue;
    }
    taken.add(col);
    if (role === "ignore") continue;
    if (role === "period" && mapping.layout === "wide") {
      const parsed = parsePeriod(view.value(row, col), view.format(row, col), yearStartMonth, reading);
      if (parsed) columns.push({ col, header: headerOf(col) || parsed.period.label, role: "period", period: parsed, field: "actual" });
      else
        diagnostics.push(
          diagnostic(
            "mapping-period-not-a-period",
            sheet,
            view.address(row, col),
            `The mapping for sheet "${sheet}" makes column ${view.letters(col)} a period, but its header "${headerOf(col)}" is not one: the column is ignored.`,
          ),
        );
      continue;
    }
    if (!roles.has(role)) roles.set(role, col);
    columns.push({ col, header: headerOf(col), role });
  }
  if (mapping.layout === "wide") {
    view.forEachValue(row, (c, v) => {
      if (taken.has(c)) return;
      const parsed = parsePeriod(v, view.format(row, c), yearStartMonth, reading);
      if (parsed) columns.push({ col: c, header: headerOf(c) || parsed.period.label, role: "period", period: parsed, field: "actual" });
    });
  }
  columns.sort((a, b) => a.col - b.col);
  const hasName = roles.has("name") || roles.has("ref");
  const usable = mapping.layout === "long" ? hasName && roles.has("period") : hasName && columns.some((c) => c.role === "period");
  if (!usable) {
    const needs =
      mapping.layout === "long"
        ? "an indicator name (or reference) column and a period column"
        : "an indicator name (or reference) column and at least one column whose header is a period";
    diagnostics.push(diagnostic("mapping-unusable", sheet, null, `The mapping for sheet "${sheet}" needs ${needs}: the sheet is not read.`));
    return null;
  }
  return { row, layout: mapping.layout, columns, roles, guessed: false, duplicates: [] };
}

function readMappedSheet(view: SheetView, mapping: SheetMapping, yearStartMonth: number): SheetOutcome {
  const diagnostics: Diagnostic[] = [];
  const header = mappedHeader(view, mapping, yearStartMonth, diagnostics);
  if (!header)
    return {
      reading: noneReading(view.sheet, "The hand-made mapping for this sheet could not be used (see the diagnostics).", true),
      indicators: [],
      identities: [],
      diagnostics,
    };
  const ignoredByHand = new Set<number>();
  for (const [letters, role] of Object.entries(mapping.columns)) {
    const col = view.colOfLetters(letters);
    if (role === "ignore" && col !== null) ignoredByHand.add(col);
  }
  const outcome = readTables(view, [header], yearStartMonth, mapping.defaults, true, ignoredByHand);
  appendAll(diagnostics, outcome.diagnostics);
  return { ...outcome, diagnostics };
}

/** The note and diagnostic for a sheet the host did not read. */
function unreadSheet(u: UnreadSheet): { reading: SheetReading; diagnostic: Diagnostic } {
  if (u.reason === "hidden") {
    return {
      reading: noneReading(u.sheet, "Hidden in the workbook, so not read: unhide it, or choose it in the settings, to read it."),
      diagnostic: diagnostic(
        "sheet-hidden",
        u.sheet,
        null,
        `Sheet "${u.sheet}" is hidden in the workbook, so it was not read; unhide it, or name it in the settings' sheets, to read it.`,
      ),
    };
  }
  const cells = u.cells.toLocaleString("en-GB");
  const limit = u.limit.toLocaleString("en-GB");
  return {
    reading: noneReading(u.sheet, `Too large to read: its used range runs to ${u.farCell}.`),
    diagnostic: diagnostic(
      "sheet-too-large",
      u.sheet,
      null,
      `Sheet "${u.sheet}" was not read: its used range runs to ${u.farCell}, with ${cells} cells, more than the ${limit} that can be read. If the data end well before ${u.farCell}, something far below or to the right of them (often a stray entry at ${u.farCell}) stretches the used range: delete the rows and columns beyond the data, save, and build again.`,
    ),
  };
}

/** Warnings for indicators given twice: the same reference (or, without one, the same name and service area) on one sheet or on two. */
function duplicateIndicators(indicators: readonly Indicator[], identities: readonly { key: string; cell: string }[]): Diagnostic[] {
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  identities.forEach(({ key, cell }, i) => {
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return;
    }
    const a = indicators[earlier];
    const b = indicators[i];
    const was = identities[earlier];
    if (!a || !b || !was) return;
    const what = b.ref !== null ? `Reference ${b.ref}` : `"${b.name}"`;
    const where = a.sheet === b.sheet ? `row ${a.row} of this sheet` : `sheet "${a.sheet}" (${was.cell})`;
    out.push(
      diagnostic(
        "duplicate-indicator",
        b.sheet,
        cell,
        `${what} in ${cell} on sheet "${b.sheet}" is also given on ${where}: the dashboard shows both, so check which is right and remove or rename the other.`,
      ),
    );
  });
  return out;
}

/**
 * Detection one sheet at a time, for a host that reads a large workbook sheet by sheet and lets
 * each grid go once it is read (the command line): `addSheet` for each grid in tab order, then
 * `finish` with what the host could not read. `detectWorkbook` is the same over an array.
 */
export class WorkbookDetector {
  private readonly sheets: SheetReading[] = [];
  private readonly indicators: Indicator[] = [];
  private readonly identities: { key: string; cell: string }[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Set<string>();
  private readonly yearStartMonth: number;
  private readonly selected: ReadonlySet<string> | null;
  private readonly mappings: Mapping["sheets"];

  constructor(options: Omit<DetectOptions, "notes">) {
    this.yearStartMonth = Number.isInteger(options?.yearStartMonth) && options.yearStartMonth >= 1 && options.yearStartMonth <= 12 ? options.yearStartMonth : 4;
    this.selected = Array.isArray(options?.sheets) ? new Set(options.sheets) : null;
    this.mappings = options?.mapping?.sheets ?? {};
  }

  /** Reads one sheet's grid into indicators. Never throws: whatever goes wrong is an error diagnostic for that sheet. */
  addSheet(grid: Grid): void {
    let name = "?";
    try {
      if (grid && typeof grid.sheet === "string") name = grid.sheet;
      const view = sheetView(grid);
      name = view.sheet;
      this.seen.add(name);
      if (this.selected && !this.selected.has(name)) {
        this.sheets.push(noneReading(name, "Not selected in the settings, so not read."));
        return;
      }
      const mapping = Object.prototype.hasOwnProperty.call(this.mappings, name) ? this.mappings[name] : undefined;
      const outcome = mapping ? readMappedSheet(view, mapping, this.yearStartMonth) : detectSheet(view, this.yearStartMonth);
      this.sheets.push(outcome.reading);
      appendAll(this.indicators, outcome.indicators);
      appendAll(this.identities, outcome.identities);
      appendAll(this.diagnostics, outcome.diagnostics);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.sheets.push(noneReading(name, "This sheet could not be read."));
      this.diagnostics.push(
        diagnostic(
          "sheet-unreadable",
          name,
          null,
          `Sheet "${name}" could not be read because of an unexpected problem (${detail}); the other sheets were read.`,
        ),
      );
    }
  }

  /** The reading of every sheet added, with what the host could not read (its diagnostics come first: they explain what follows). */
  finish(notes: ReadingNotes = {}): WorkbookReading {
    const first: Diagnostic[] = [];
    const unread = notes.unread ?? [];
    const unreadNames = new Set(unread.map((u) => u.sheet));
    for (const u of unread) if (u.reason === "too-large") first.push(unreadSheet(u).diagnostic);
    for (const f of notes.uncalculated ?? []) {
      first.push(
        diagnostic(
          "formulas-not-calculated",
          f.sheet,
          f.first,
          `${f.cells === 1 ? "A cell" : `${f.cells.toLocaleString("en-GB")} cells`} on sheet "${f.sheet}" (the first is ${f.first}) ${f.cells === 1 ? "holds a formula whose result was" : "hold formulas whose results were"} never saved: the file was never recalculated (a program other than Excel wrote it), so ${f.cells === 1 ? "it is" : "they are"} read as empty. Open it in Excel and save it, then build again.`,
        ),
      );
    }
    const diagnostics = first;
    appendAll(diagnostics, this.diagnostics);
    const sheets = this.sheets.slice();
    for (const u of unread) {
      const { reading, diagnostic: d } = unreadSheet(u);
      sheets.push(reading);
      if (u.reason === "hidden") diagnostics.push(d);
    }
    appendAll(diagnostics, duplicateIndicators(this.indicators, this.identities));
    if (this.selected) {
      for (const wanted of this.selected) {
        if (!this.seen.has(wanted) && !unreadNames.has(wanted))
          diagnostics.push(diagnostic("selected-sheet-missing", wanted, null, `The sheet "${wanted}" chosen in the settings is not in the workbook.`));
      }
    }
    for (const mapped of Object.keys(this.mappings)) {
      if (this.seen.has(mapped) || unreadNames.has(mapped) || (this.selected && !this.selected.has(mapped))) continue;
      diagnostics.push(
        diagnostic(
          "mapping-sheet-missing",
          mapped,
          null,
          `The column mapping names the sheet "${mapped}", which is not in the workbook, so it is not used; check the sheet's name (a renamed sheet keeps no mapping).`,
        ),
      );
    }
    return { sheets, indicators: this.indicators, diagnostics };
  }
}

/** Reads every selected sheet of a workbook into indicators, with a reading per sheet and diagnostics. Never throws. */
export function detectWorkbook(grids: readonly Grid[], options: DetectOptions): WorkbookReading {
  const detector = new WorkbookDetector(options);
  const unread = new Set((options?.notes?.unread ?? []).map((u) => u.sheet));
  for (const grid of Array.isArray(grids) ? grids : []) {
    // A host that gives a grid for a sheet it also lists as not read: the note wins.
    if (grid && typeof grid.sheet === "string" && unread.has(grid.sheet)) continue;
    detector.addSheet(grid);
  }
  return detector.finish(options?.notes ?? {});
}
