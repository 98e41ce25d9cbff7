import type { ColumnRole } from "../settings";
import { roleOfHeader } from "./headers";
import { ambiguousReadings, periodContext, type PeriodCell } from "./period-context";
import { isDateFormat, parsePeriod, type AmbiguousReading, type ParsedPeriod } from "./period-text";
import { isBlank, type SheetView } from "./sheet-view";

/**
 * Finding indicator tables on a sheet: a header row with an indicator name (or reference) column
 * and either period columns across (wide) or a period column with results (long). A sheet may
 * stack several tables, each with its own header.
 */

/** The figures a period column of a wide table can hold. */
export type PeriodField = "actual" | "target" | "floor" | "expected" | "lower" | "upper";

/** One column of an indicator table. */
export interface TableColumn {
  readonly col: number;
  readonly header: string;
  readonly role: ColumnRole | "period";
  /** For a period column: which period, and which figure it holds (usually the result). */
  readonly period?: ParsedPeriod;
  readonly field?: PeriodField;
}

/** A table's header as found (or as mapped by hand). */
export interface TableHeader {
  /** Grid row of the header. */
  readonly row: number;
  readonly layout: "wide" | "long";
  readonly columns: readonly TableColumn[];
  /** First column of each role; period columns are in `columns` only. */
  readonly roles: ReadonlyMap<ColumnRole, number>;
  /** True when the header was guessed rather than recognised. */
  readonly guessed: boolean;
  /** Headers that named a role already taken by an earlier column (ignored, and the user should check). */
  readonly duplicates: readonly { readonly col: number; readonly header: string; readonly role: ColumnRole }[];
  /** Period headers such as "2010-12" that could be a month or a span and that the row did not settle, with how they were read. */
  readonly ambiguous?: readonly AmbiguousHeader[];
}

/** A period header the cells beside it did not settle: a month or a span of years. */
export interface AmbiguousHeader {
  readonly col: number;
  readonly header: string;
  readonly readAs: AmbiguousReading;
}

const FIELD_ROLES: ReadonlySet<ColumnRole> = new Set(["actual", "target", "floor", "expected", "lower", "upper"]);
const FIELD_WORDS = /\b(actuals?|outturn|results?|values?|targets?|floor(?: standard)?|expected|forecast|lower(?: threshold)?|upper(?: threshold)?)\b/gi;
const BRACKETS = /\([^)]*\)|\[[^\]]*\]/g;
/** Rows searched for a header when none is recognised and one must be guessed. */
const GUESS_ROWS = 50;

function headerText(view: SheetView, row: number, col: number): string {
  const v = view.value(row, col);
  if (typeof v === "string") return v.replace(/\s+/g, " ").trim();
  if (typeof v === "number") return String(v);
  return "";
}

/** "2012/13 Target" is the 2012/13 target; "Target 2012/13" too: the period with the figure's name removed. */
function periodOfFieldHeader(text: string, yearStartMonth: number): ParsedPeriod | null {
  const rest = text.replace(BRACKETS, " ").replace(FIELD_WORDS, " ").replace(/\s+/g, " ").trim();
  if (rest === "" || rest === text.trim()) return null;
  return parsePeriod(rest, "General", yearStartMonth);
}

interface ClassifiedRow {
  readonly columns: TableColumn[];
  readonly roles: Map<ColumnRole, number>;
  readonly duplicates: { col: number; header: string; role: ColumnRole }[];
  readonly periodColumns: number;
  readonly ambiguous: AmbiguousHeader[];
}

/** The cells of a row that may be periods, for reading "2010-12" in their context. */
function* rowCells(view: SheetView, row: number, candidate: (col: number) => boolean): Generator<PeriodCell> {
  for (let c = 0; c < view.width; c++) if (candidate(c)) yield { value: view.value(row, c), format: view.format(row, c) };
}

/**
 * How a header row's ambiguous periods ("2010-12") are read, from the row's other period headers
 * (see period-context.ts); "month", today's reading, when the row holds none.
 */
function rowReading(view: SheetView, row: number, yearStartMonth: number, candidate: (col: number) => boolean): { reading: AmbiguousReading; sure: boolean } {
  let any = false;
  for (let c = 0; c < view.width && !any; c++) any = candidate(c) && ambiguousReadings(view.value(row, c), view.format(row, c), yearStartMonth) !== null;
  if (!any) return { reading: "month", sure: true };
  return periodContext(rowCells(view, row, candidate), yearStartMonth) ?? { reading: "month", sure: true };
}

/**
 * Roles of cell texts already looked at. Every row of a sheet is a candidate header, so the same
 * texts (indicator names, service areas, references of a long table) are classified again and
 * again; normalising each once keeps detection linear in the number of distinct texts.
 */
type RoleCache = Map<string, ColumnRole | null>;

function cachedRoleOfHeader(text: string, cache: RoleCache): ColumnRole | null {
  let role = cache.get(text);
  if (role === undefined) {
    role = roleOfHeader(text.replace(/\s+/g, " ").trim());
    cache.set(text, role);
  }
  return role;
}

/** Classifies every cell of a candidate header row, or returns null when it cannot be a header (no name or reference). */
function classifyRow(view: SheetView, row: number, yearStartMonth: number, roleCache: RoleCache, cellRoles: (ColumnRole | null)[]): ClassifiedRow | null {
  cellRoles.fill(null);
  let hasNameOrRef = false;
  let nonEmpty = 0;
  for (let c = 0; c < view.width; c++) {
    const v = view.value(row, c);
    if (typeof v !== "string" || v.trim() === "") {
      if (!isBlank(v)) nonEmpty++;
      continue;
    }
    nonEmpty++;
    const role = cachedRoleOfHeader(v, roleCache);
    cellRoles[c] = role;
    if (role === "name" || role === "ref") hasNameOrRef = true;
  }
  if (!hasNameOrRef || nonEmpty < 2) return null;
  const context = rowReading(view, row, yearStartMonth, (c) => (cellRoles[c] ?? null) === null);
  const ambiguous: AmbiguousHeader[] = [];

  const columns: TableColumn[] = [];
  const roles = new Map<ColumnRole, number>();
  const duplicates: { col: number; header: string; role: ColumnRole }[] = [];
  const fieldHeaders: { col: number; header: string; role: ColumnRole; period: ParsedPeriod }[] = [];
  let periodColumns = 0;
  for (let c = 0; c < view.width; c++) {
    const v = view.value(row, c);
    const header = headerText(view, row, c);
    const role = cellRoles[c] ?? null;
    if (role === null || FIELD_ROLES.has(role)) {
      const direct = role === null ? parsePeriod(v, view.format(row, c), yearStartMonth, context.reading) : null;
      if (direct && !context.sure && ambiguousReadings(v, view.format(row, c), yearStartMonth)) ambiguous.push({ col: c, header, readAs: context.reading });
      if (direct) {
        columns.push({ col: c, header: header || direct.period.label, role: "period", period: direct, field: "actual" });
        periodColumns++;
        continue;
      }
      if (role !== null && typeof v === "string") {
        const p = periodOfFieldHeader(v, yearStartMonth);
        if (p) {
          fieldHeaders.push({ col: c, header, role, period: p });
          continue;
        }
      }
    }
    if (role === null) continue;
    // A sheet may give several averages to compare with (national, family group): each is kept.
    if (role !== "ignore" && role !== "comparator" && roles.has(role)) {
      duplicates.push({ col: c, header, role });
      continue;
    }
    if (role !== "ignore" && !roles.has(role)) roles.set(role, c);
    columns.push({ col: c, header, role });
  }

  // A figure named with a period ("2012/13 Target") belongs to that period when the table's results
  // come in periods like it; otherwise ("Target 2012/13" over monthly columns) it is the whole row's figure.
  const resultFrequencies = new Set(columns.filter((c) => c.role === "period").map((c) => c.period?.frequency));
  for (const f of fieldHeaders) if (f.role === "actual") resultFrequencies.add(f.period.frequency);
  for (const f of fieldHeaders) {
    const perPeriod = f.role === "actual" || resultFrequencies.has(f.period.frequency);
    if (perPeriod) {
      columns.push({ col: f.col, header: f.header, role: "period", period: f.period, field: f.role as PeriodField });
      if (f.role === "actual") periodColumns++;
    } else if (!roles.has(f.role)) {
      roles.set(f.role, f.col);
      columns.push({ col: f.col, header: f.header, role: f.role });
    } else {
      duplicates.push({ col: f.col, header: f.header, role: f.role });
    }
  }
  columns.sort((a, b) => a.col - b.col);
  return { columns, roles, duplicates, periodColumns, ambiguous };
}

function layoutOf(c: ClassifiedRow): "wide" | "long" | null {
  const hasPeriodRole = c.roles.has("period");
  const hasFigures = c.roles.has("actual") || c.roles.has("expected");
  if (hasPeriodRole && hasFigures) return "long";
  if (c.periodColumns >= 1) return "wide";
  return null;
}

/** Finds every recognised header row on the sheet, top to bottom. */
export function findHeaders(view: SheetView, yearStartMonth: number): TableHeader[] {
  const headers: TableHeader[] = [];
  const roleCache: RoleCache = new Map();
  // One row's cell roles, reused for every row rather than allocated for each.
  const cellRoles = new Array<ColumnRole | null>(view.width).fill(null);
  for (let r = 0; r < view.rows; r++) {
    const classified = classifyRow(view, r, yearStartMonth, roleCache, cellRoles);
    if (!classified) continue;
    const layout = layoutOf(classified);
    if (!layout) continue;
    headers.push({
      row: r,
      layout,
      columns: classified.columns,
      roles: classified.roles,
      guessed: false,
      duplicates: classified.duplicates,
      ambiguous: classified.ambiguous,
    });
  }
  return headers;
}

function isPeriodCell(view: SheetView, row: number, col: number, yearStartMonth: number, reading: AmbiguousReading): ParsedPeriod | null {
  const v = view.value(row, col);
  if (typeof v === "number" && !isDateFormat(view.format(row, col))) return null;
  return parsePeriod(v, view.format(row, col), yearStartMonth, reading);
}

/**
 * Guesses a wide table when no header is recognised: a row with at least three period headers,
 * whose indicator names are taken from the column left of them that holds the most text below.
 */
export function guessWideHeader(view: SheetView, yearStartMonth: number): TableHeader | null {
  const limit = Math.min(view.rows, GUESS_ROWS);
  for (let r = 0; r < limit; r++) {
    const periods: TableColumn[] = [];
    const { reading } = rowReading(view, r, yearStartMonth, () => true);
    for (let c = 0; c < view.width; c++) {
      const p = isPeriodCell(view, r, c, yearStartMonth, reading);
      if (p) periods.push({ col: c, header: headerText(view, r, c) || p.period.label, role: "period", period: p, field: "actual" });
    }
    const first = periods[0];
    if (periods.length < 3 || !first || first.col === 0) continue;
    let best = -1;
    let bestCount = 0;
    const below = Math.min(view.rows, r + 1 + GUESS_ROWS);
    for (let c = 0; c < first.col; c++) {
      let count = 0;
      for (let rr = r + 1; rr < below; rr++) {
        const v = view.value(rr, c);
        if (typeof v === "string" && v.trim() !== "" && Number.isNaN(Number(v))) count++;
      }
      if (count > bestCount) {
        bestCount = count;
        best = c;
      }
    }
    if (best < 0) continue;
    const nameColumn: TableColumn = { col: best, header: headerText(view, r, best), role: "name" };
    return {
      row: r,
      layout: "wide",
      columns: [nameColumn, ...periods],
      roles: new Map<ColumnRole, number>([["name", best]]),
      guessed: true,
      duplicates: [],
    };
  }
  return null;
}
