import { diagnostic, type Diagnostic } from "../diagnostics";
import type { Grid } from "../grid";
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
  return header.columns
    .filter((c) => c.role !== "ignore")
    .map((c) => ({ column: view.letters(c.col), header: c.header, role: c.role }));
}

function textOfRows(view: SheetView, from: number, to: number): string {
  const parts: string[] = [];
  for (let r = Math.max(0, from); r < to && r < view.rows; r++) {
    for (let c = 0; c < view.width; c++) {
      const v = view.value(r, c);
      if (typeof v === "string" && v.trim() !== "") parts.push(v);
      if (parts.length > 20) return parts.join(" ");
    }
  }
  return parts.join(" ");
}

interface SheetOutcome {
  readonly reading: SheetReading;
  readonly indicators: Indicator[];
  readonly diagnostics: Diagnostic[];
}

function noneReading(sheet: string, note: string, mapped = false): SheetReading {
  return { sheet, layout: "none", headerRow: null, columns: [], kpis: 0, activities: 0, sure: true, note, mapped };
}

/** Reads the tables found under the given headers, each ending where the next begins. */
function readTables(view: SheetView, headers: readonly TableHeader[], yearStartMonth: number, defaults: SheetMapping["defaults"] | undefined, mapped: boolean, ignoredByHand?: ReadonlySet<number>): SheetOutcome {
  const diagnostics: Diagnostic[] = [];
  const indicators: Indicator[] = [];
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
    diagnostics.push(...result.diagnostics);
    indicators.push(...result.indicators);
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
      if (readings) diagnostics.push(diagnostic("ambiguous-period", view.sheet, cell, `Cell ${cell} on sheet "${view.sheet}": ${ambiguousPeriodWords(a.header, readings, a.readAs)}`));
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
    return { reading: noneReading(view.sheet, `No indicator table found: looked for ${LOOKED_FOR}; ${rows}.`), indicators: [], diagnostics: [] };
  }
  return readTables(view, headers, yearStartMonth, undefined, false);
}

/** Builds a table header from a hand-made mapping; null (with an error diagnostic) when the mapping cannot be used. */
function mappedHeader(view: SheetView, mapping: SheetMapping, yearStartMonth: number, diagnostics: Diagnostic[]): TableHeader | null {
  const sheet = view.sheet;
  const row = view.rowOfNumber(mapping.headerRow);
  if (row === null) {
    diagnostics.push(diagnostic("mapping-header-outside-data", sheet, null, `The mapping for sheet "${sheet}" puts the header on row ${mapping.headerRow}, which is outside the part of the sheet that holds data: the sheet is not read.`));
    return null;
  }
  const roles = new Map<ColumnRole, number>();
  const columns: TableColumn[] = [];
  const taken = new Set<number>();
  const cells = Array.from({ length: view.width }, (_, c) => ({ value: view.value(row, c), format: view.format(row, c) }));
  const reading = mapping.layout === "wide" ? (periodContext(cells, yearStartMonth)?.reading ?? "month") : "month";
  const headerOf = (col: number): string => {
    const v = view.value(row, col);
    return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
  };
  for (const [letters, role] of Object.entries(mapping.columns)) {
    const col = view.colOfLetters(letters);
    if (col === null) {
      diagnostics.push(diagnostic("mapping-column-outside-data", sheet, null, `The mapping for sheet "${sheet}" names column ${letters.toUpperCase()}, which is outside the part of the sheet that holds data: it is ignored.`));
      continue;
    }
    taken.add(col);
    if (role === "ignore") continue;
    if (role === "period" && mapping.layout === "wide") {
      const parsed = parsePeriod(view.value(row, col), view.format(row, col), yearStartMonth, reading);
      if (parsed) columns.push({ col, header: headerOf(col) || parsed.period.label, role: "period", period: parsed, field: "actual" });
      else diagnostics.push(diagnostic("mapping-period-not-a-period", sheet, view.address(row, col), `The mapping for sheet "${sheet}" makes column ${view.letters(col)} a period, but its header "${headerOf(col)}" is not one: the column is ignored.`));
      continue;
    }
    if (!roles.has(role)) roles.set(role, col);
    columns.push({ col, header: headerOf(col), role });
  }
  if (mapping.layout === "wide") {
    for (let c = 0; c < view.width; c++) {
      if (taken.has(c)) continue;
      const parsed = parsePeriod(view.value(row, c), view.format(row, c), yearStartMonth, reading);
      if (parsed) columns.push({ col: c, header: headerOf(c) || parsed.period.label, role: "period", period: parsed, field: "actual" });
    }
  }
  columns.sort((a, b) => a.col - b.col);
  const hasName = roles.has("name") || roles.has("ref");
  const usable = mapping.layout === "long" ? hasName && roles.has("period") : hasName && columns.some((c) => c.role === "period");
  if (!usable) {
    const needs = mapping.layout === "long" ? "an indicator name (or reference) column and a period column" : "an indicator name (or reference) column and at least one column whose header is a period";
    diagnostics.push(diagnostic("mapping-unusable", sheet, null, `The mapping for sheet "${sheet}" needs ${needs}: the sheet is not read.`));
    return null;
  }
  return { row, layout: mapping.layout, columns, roles, guessed: false, duplicates: [] };
}

function readMappedSheet(view: SheetView, mapping: SheetMapping, yearStartMonth: number): SheetOutcome {
  const diagnostics: Diagnostic[] = [];
  const header = mappedHeader(view, mapping, yearStartMonth, diagnostics);
  if (!header) return { reading: noneReading(view.sheet, "The hand-made mapping for this sheet could not be used (see the diagnostics).", true), indicators: [], diagnostics };
  const ignoredByHand = new Set<number>();
  for (const [letters, role] of Object.entries(mapping.columns)) {
    const col = view.colOfLetters(letters);
    if (role === "ignore" && col !== null) ignoredByHand.add(col);
  }
  const outcome = readTables(view, [header], yearStartMonth, mapping.defaults, true, ignoredByHand);
  return { ...outcome, diagnostics: [...diagnostics, ...outcome.diagnostics] };
}

/** Reads every selected sheet of a workbook into indicators, with a reading per sheet and diagnostics. Never throws. */
export function detectWorkbook(grids: readonly Grid[], options: DetectOptions): WorkbookReading {
  const sheets: SheetReading[] = [];
  const indicators: Indicator[] = [];
  const diagnostics: Diagnostic[] = [];
  const yearStartMonth = Number.isInteger(options?.yearStartMonth) && options.yearStartMonth >= 1 && options.yearStartMonth <= 12 ? options.yearStartMonth : 4;
  const selected = Array.isArray(options?.sheets) ? new Set(options.sheets) : null;
  const mappings = options?.mapping?.sheets ?? {};
  const seen = new Set<string>();
  for (const grid of Array.isArray(grids) ? grids : []) {
    let name = "?";
    try {
      if (grid && typeof grid.sheet === "string") name = grid.sheet;
      const view = sheetView(grid);
      name = view.sheet;
      seen.add(name);
      if (selected && !selected.has(name)) {
        sheets.push(noneReading(name, "Not selected in the settings, so not read."));
        continue;
      }
      const mapping = Object.prototype.hasOwnProperty.call(mappings, name) ? mappings[name] : undefined;
      const outcome = mapping ? readMappedSheet(view, mapping, yearStartMonth) : detectSheet(view, yearStartMonth);
      sheets.push(outcome.reading);
      indicators.push(...outcome.indicators);
      diagnostics.push(...outcome.diagnostics);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      sheets.push(noneReading(name, "This sheet could not be read."));
      diagnostics.push(diagnostic("sheet-unreadable", name, null, `Sheet "${name}" could not be read because of an unexpected problem (${detail}); the other sheets were read.`));
    }
  }
  if (selected) {
    for (const wanted of selected) {
      if (!seen.has(wanted)) diagnostics.push(diagnostic("selected-sheet-missing", wanted, null, `The sheet "${wanted}" chosen in the settings is not in the workbook.`));
    }
  }
  return { sheets, indicators, diagnostics };
}
