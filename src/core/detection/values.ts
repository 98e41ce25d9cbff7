import { diagnostic, type Diagnostic, type DiagnosticCode } from "../diagnostics";
import type { CellValue } from "../grid";
import type { Unit } from "../indicator";
import { memoiseText } from "./memo";

/**
 * Reading one cell as a number, honestly: what people type in indicator sheets ("72.1%",
 * "£2.5m", "85 (p)", "n/a") becomes a number, a note, or missing. Missing is null, never zero.
 * Decisions:
 * - "nil" is zero, as in UK official statistics ("nil or negligible"), with the note "nil".
 * - "-", "–", "*", "..", "n/a", "TBC", "x" (suppressed) and blank are missing, without a warning:
 *   the team wrote them on purpose.
 * - "(12)" is minus 12, the accountants' way of writing a negative.
 * - Footnote marks ("*", "†", "‡", "§", "¹"...) and "(p)", "(r)", "(e)" after a number keep the
 *   number and give a note ("provisional", "revised", "estimate", "footnote *").
 */

/** Why a non-empty cell holds no usable figure, as a diagnostic code. */
export type NumberProblem = Extract<DiagnosticCode, "error-value" | "text-not-a-number" | "not-a-figure">;

/** What one cell says as a number. */
export interface NumberReading {
  /** The number, or null when the cell holds no usable figure. */
  readonly value: number | null;
  /** The unit the cell itself shows (a % format or "72.1%", a £ format or "£1,200"), or null when it says nothing. */
  readonly unit: Unit | null;
  /** A footnote or status beside the number ("provisional", "footnote *"), or null. */
  readonly note: string | null;
  /** Why a non-empty cell was read as missing, for a warning naming the cell; null when all is well. */
  readonly problem: string | null;
  /** The kind of problem, as the warning's code; null when all is well. */
  readonly problemCode: NumberProblem | null;
}

const MISSING_MARKERS: ReadonlySet<string> = new Set([
  "",
  "-",
  "--",
  "–",
  "—",
  "*",
  "**",
  ".",
  "..",
  "...",
  "…",
  "n/a",
  "na",
  "n.a.",
  "n.a",
  "n/k",
  "nk",
  "tbc",
  "tba",
  "tbd",
  "x",
  "?",
  "not available",
  "no data",
  "not yet available",
  "awaiting data",
  "due",
  "not due",
  "nd",
  "none",
  "not applicable",
  "not collected",
  "unavailable",
  "pending",
]);

const NOTE_MARKS: ReadonlyMap<string, string> = new Map([
  ["p", "provisional"],
  ["prov", "provisional"],
  ["provisional", "provisional"],
  ["r", "revised"],
  ["rev", "revised"],
  ["revised", "revised"],
  ["e", "estimate"],
  ["est", "estimate"],
  ["estimate", "estimate"],
  ["estimated", "estimate"],
]);

const ERROR_VALUE = /^#(?:N\/A|DIV\/0!|REF!|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;
const SPACES = /[\s\u00a0\u2009\u202f]+/g;
const MINUS = /[\u2212\u2012\u2013\u2014]/g;
const TRAILING_PAREN_NOTE = /\s*[([]\s*([a-z]{1,11})\s*[)\]]$/i;
const TRAILING_MARKS = /[*†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰]+$/;
const NUMBER_TEXT = /^([+-])?([£$€])?([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(k|m|mn|bn|b|%)?$/i;
const CURRENCY_FORMAT = /[£$€¥]|\[\$[^\]-]*[£$€¥]|\[\$[A-Z]{3}/;
const PERCENT_FORMAT = /%/;
const QUOTED = /"[^"]*"/g;
const ESCAPED = /\\./g;

const EMPTY: NumberReading = { value: null, unit: null, note: null, problem: null, problemCode: null };

function readUnitFromFormat(fmt: string): Unit | null {
  if (!fmt || fmt === "General") return null;
  const bare = fmt.replace(QUOTED, "").replace(ESCAPED, "");
  if (PERCENT_FORMAT.test(bare)) return "percentage";
  if (CURRENCY_FORMAT.test(fmt)) return "money";
  return null;
}

/** The unit a number format shows: percentage for "0.0%", money for "£#,##0", null for anything else. Remembered per format, as every figure's cell asks. */
export const unitFromFormat: (fmt: string) => Unit | null = memoiseText(readUnitFromFormat);

function multiplier(suffix: string): number {
  switch (suffix) {
    case "k":
      return 1_000;
    case "m":
    case "mn":
      return 1_000_000;
    case "b":
    case "bn":
      return 1_000_000_000;
    default:
      return 1;
  }
}

/** Parses the number part of typed text ("£2.5m", "72.1%", "1,234", "(12)"), or null. */
function parseNumberText(text: string): { value: number; unit: Unit | null } | null {
  let body = text;
  let negative = false;
  if (body.length > 2 && body.startsWith("(") && body.endsWith(")")) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  const m = NUMBER_TEXT.exec(body);
  if (!m) return null;
  const [, sign1, currency, sign2, whole, fraction, suffixRaw] = m;
  if (whole === undefined && fraction === undefined) return null;
  if (sign1 !== undefined && sign2 !== undefined) return null;
  const suffix = (suffixRaw ?? "").toLowerCase();
  let value = Number(`${(whole ?? "0").replace(/,/g, "")}${fraction ?? ""}`);
  if (!Number.isFinite(value)) return null;
  if (sign1 === "-" || sign2 === "-") value = -value;
  if (negative) value = -value;
  if (suffix === "%") {
    if (currency !== undefined) return null;
    return { value: value / 100, unit: "percentage" };
  }
  value *= multiplier(suffix);
  return { value, unit: currency !== undefined ? "money" : null };
}

/** Splits a trailing footnote mark or "(p)" from typed text: "72.1%*" → "72.1%" with the note "footnote *". */
function splitNote(text: string): { body: string; note: string | null } {
  const paren = TRAILING_PAREN_NOTE.exec(text);
  if (paren) {
    const word = (paren[1] ?? "").toLowerCase();
    const note = NOTE_MARKS.get(word);
    if (note !== undefined) return { body: text.slice(0, paren.index).trim(), note };
  }
  const marks = TRAILING_MARKS.exec(text);
  if (marks && marks.index > 0) return { body: text.slice(0, marks.index).trim(), note: `footnote ${marks[0]}` };
  // "85p" is provisional, but "£2.5m" must keep its "m": only p, r and e after a space or a digit.
  const letter = /^(.*\d)\s*([pre])$/i.exec(text);
  if (letter && letter[1] !== undefined && letter[2] !== undefined) {
    return { body: letter[1].trim(), note: NOTE_MARKS.get(letter[2].toLowerCase()) ?? null };
  }
  return { body: text, note: null };
}

/**
 * Reads one cell as a number. Numbers stay as they are (a fraction with a % format is a
 * percentage); text is read the way a person would; anything else is missing with a `problem`.
 */
export function readNumber(value: CellValue, numberFormat: string): NumberReading {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ...EMPTY, problem: "is not a finite number", problemCode: "not-a-figure" };
    return { value, unit: unitFromFormat(numberFormat), note: null, problem: null, problemCode: null };
  }
  if (typeof value === "boolean") {
    return { ...EMPTY, problem: `holds ${value ? "TRUE" : "FALSE"}, which is not a figure`, problemCode: "not-a-figure" };
  }
  if (typeof value !== "string") return EMPTY;
  const text = value.replace(SPACES, " ").replace(MINUS, "-").trim();
  const lower = text.toLowerCase();
  if (MISSING_MARKERS.has(lower)) return EMPTY;
  if (ERROR_VALUE.test(text)) return { ...EMPTY, problem: `holds the error ${text.toUpperCase()}`, problemCode: "error-value" };
  if (lower === "nil") return { value: 0, unit: null, note: "nil", problem: null, problemCode: null };
  const direct = parseNumberText(text.replace(/ /g, ""));
  if (direct) return { value: direct.value, unit: direct.unit, note: null, problem: null, problemCode: null };
  const { body, note } = splitNote(text);
  if (note !== null) {
    const bodyLower = body.toLowerCase();
    if (MISSING_MARKERS.has(bodyLower)) return { ...EMPTY, note };
    const parsed = parseNumberText(body.replace(/ /g, ""));
    if (parsed) return { value: parsed.value, unit: parsed.unit, note, problem: null, problemCode: null };
  }
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return { ...EMPTY, problem: `says "${shown}", which is not a number`, problemCode: "text-not-a-number" };
}

/** Reads one cell as a number and, when it could not be read, the warning that names the sheet and cell. */
export function readNumberAt(value: CellValue, numberFormat: string, sheet: string, cell: string): { reading: NumberReading; diagnostic: Diagnostic | null } {
  const reading = readNumber(value, numberFormat);
  if (reading.problemCode === null) return { reading, diagnostic: null };
  return {
    reading,
    diagnostic: diagnostic(reading.problemCode, sheet, cell, `Cell ${cell} on sheet "${sheet}" ${reading.problem}: it is read as no data.`),
  };
}

/** What is known about an indicator's figures when choosing its unit. */
export interface UnitEvidence {
  /** Number formats of the result cells. */
  readonly formats: readonly string[];
  /** Units the cells themselves showed (from readNumber). */
  readonly cellUnits: readonly (Unit | null)[];
  /** The results read. */
  readonly values: readonly number[];
  /** The indicator's name, for "%" or "£" in it. */
  readonly name?: string;
}

/**
 * Infers an indicator's unit: percentage or money when the formats, typed text or name say so,
 * count when every figure is a whole number, else number.
 */
export function inferUnit(evidence: UnitEvidence): Unit {
  let percent = 0;
  let money = 0;
  for (const f of evidence.formats) {
    const u = unitFromFormat(f);
    if (u === "percentage") percent++;
    else if (u === "money") money++;
  }
  for (const u of evidence.cellUnits) {
    if (u === "percentage") percent++;
    else if (u === "money") money++;
  }
  if (percent > 0 || money > 0) return percent >= money ? "percentage" : "money";
  const name = evidence.name ?? "";
  if (/£/.test(name)) return "money";
  if (/%/.test(name) && evidence.values.every((v) => Math.abs(v) <= 1)) return "percentage";
  if (evidence.values.length > 0 && evidence.values.every((v) => Number.isInteger(v))) return "count";
  return "number";
}

/** Parses a unit written in a Unit column ("%", "Percentage", "£", "Number", "Count"), or null. */
export function parseUnit(text: string): Unit | null {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  if (t === "%" || t.startsWith("percent") || t === "pct" || t === "rate (%)" || t === "proportion") return "percentage";
  if (t === "£" || t === "$" || t === "€" || t.startsWith("money") || t.startsWith("currency") || t.startsWith("£") || t === "gbp" || t === "cash")
    return "money";
  if (t === "count" || t === "no." || t === "no" || t === "#" || t === "number of" || t === "volume" || t === "visits") return "count";
  if (t.startsWith("number") || t === "num" || t === "rate" || t === "ratio" || t === "days" || t === "score") return "number";
  return null;
}
