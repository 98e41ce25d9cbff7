import path from "node:path";
import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import unzipper, { type CentralDirectoryFile } from "unzipper";
import type { CellValue } from "../core/grid";

/**
 * The parts of an .xlsx file the reader needs, read straight from the zip: the workbook's sheet
 * list, the number formats, the shared strings, and each worksheet's cells streamed one at a time.
 * The zip is opened by its central directory (unzipper), so the parts are read in the order they
 * are needed whatever order the writer stored them in, and each worksheet's XML is parsed as it
 * inflates (saxes): memory follows the cells kept, never the size of the XML or a model of the
 * whole document. exceljs (which wraps the same two libraries) builds an object per cell; this
 * keeps only what a Grid holds.
 */

/** Why a workbook file could not be read, in one line a person understands. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** A sheet as the workbook lists it, in tab order. */
export interface SheetEntry {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** The worksheet's part in the zip, or null for a chart sheet or anything else that is not a worksheet. */
  readonly part: string | null;
}

/** The workbook-wide parts. */
export interface WorkbookParts {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  /** Number format code of each cell style (`s` attribute), "General" where there is none. */
  readonly formats: readonly string[];
  readonly strings: readonly string[];
  /** Streams a part's bytes, inflating as they are read. */
  open(part: string): Readable;
}

/** What a worksheet's cells are handed to, one at a time. */
export interface CellVisitor {
  /** A cell the sheet stores (0-based row and column): its value ("" when empty), number format, and whether it is a formula saved without a result. */
  cell(row: number, col: number, value: CellValue, format: string, uncalculated: boolean): void;
  /** A merged range ("A1:C1"). */
  merge(range: string): void;
}

const RELATIONSHIP = /\/(officeDocument|worksheet|styles|sharedStrings)$/;

/** Excel's built-in number formats, by id, as exceljs gives them (its lib/xlsx/defaultnumformats.js, en-GB/US ones). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  41: '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-',
  42: '_-"£"* #,##0_-;-"£"* #,##0_-;_-"£"* "-"_-;_-@_-',
  43: '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',
  44: '_-"£"* #,##0.00_-;-"£"* #,##0.00_-;_-"£"* "-"??_-;_-@_-',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const localNames = new Map<string, string>();

/** A tag's name without its namespace prefix ("x:c" → "c"): some writers prefix SpreadsheetML. Remembered, as a sheet repeats a few names millions of times. */
function local(name: string): string {
  let l = localNames.get(name);
  if (l === undefined) {
    const i = name.indexOf(":");
    l = i < 0 ? name : name.slice(i + 1);
    if (localNames.size < 1000) localNames.set(name, l);
  }
  return l;
}

/**
 * An attribute's value. SpreadsheetML's own attributes (r, s, t, ref, name...) are unqualified
 * even where its elements are prefixed; a relationship id is qualified ("r:id"), so `qualified`
 * also looks for the name after any prefix.
 */
function attr(tag: SaxesTagPlain, name: string, qualified = false): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined || !qualified) return direct;
  for (const key of Object.keys(tag.attributes)) {
    if (key.length > name.length && key.endsWith(name) && key.charCodeAt(key.length - name.length - 1) === 58) return tag.attributes[key];
  }
  return undefined;
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ ("_x000D_" is a carriage return; "_x005F_" an underscore). */
export function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Feeds a part through a SAX parser wired by `wire`; resolves when the whole part has been read. */
async function parsePart(stream: Readable, wire: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser({ position: false });
  wire(parser);
  stream.setEncoding("utf8");
  for await (const chunk of stream) parser.write(chunk as string);
  parser.close();
}

/** A zip's entries by part name, case-insensitively (OOXML part names are), with no leading "/". */
function entriesOf(files: readonly CentralDirectoryFile[]): Map<string, CentralDirectoryFile> {
  const entries = new Map<string, CentralDirectoryFile>();
  for (const f of files) if (f.type === "File") entries.set(f.path.replace(/^\/+/, "").toLowerCase(), f);
  return entries;
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolveTarget(from: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : path.posix.join(path.posix.dirname(from), target);
  return path.posix.normalize(joined).replace(/^\/+/, "").toLowerCase();
}

/** The relationships of a part: id → { type (the last word of its URI), target part }. */
async function relationships(entries: Map<string, CentralDirectoryFile>, part: string): Promise<Map<string, { type: string; target: string }>> {
  const relsPart = path.posix
    .join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`)
    .replace(/^\.\//, "")
    .toLowerCase();
  const out = new Map<string, { type: string; target: string }>();
  const entry = entries.get(relsPart);
  if (!entry) return out;
  await parsePart(entry.stream(), (p) => {
    p.on("opentag", (tag) => {
      if (local(tag.name) !== "Relationship") return;
      const id = attr(tag, "Id");
      const type = attr(tag, "Type") ?? "";
      const target = attr(tag, "Target");
      const external = attr(tag, "TargetMode") === "External";
      const kind = RELATIONSHIP.exec(type)?.[1] ?? type.slice(type.lastIndexOf("/") + 1);
      if (id !== undefined && target !== undefined && !external) out.set(id, { type: kind, target: resolveTarget(part, target) });
    });
  });
  return out;
}

/** Number format code of each cell style, from styles.xml's numFmts and cellXfs. */
async function cellFormats(entry: CentralDirectoryFile | undefined): Promise<string[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellXfs = false;
  await parsePart(entry.stream(), (p) => {
    p.on("opentag", (tag) => {
      const name = local(tag.name);
      if (name === "numFmt") {
        const id = Number(attr(tag, "numFmtId"));
        const code = attr(tag, "formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "cellXfs") {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        const id = Number(attr(tag, "numFmtId") ?? "0");
        formats.push(String(id));
      }
    });
    p.on("closetag", (tag) => {
      if (local(tag.name) === "cellXfs") inCellXfs = false;
    });
  });
  // numFmts come before cellXfs in the file, but resolve after reading both in case a writer differs.
  return formats.map((idText) => {
    const id = Number(idText);
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General";
    return code === "" ? "General" : code;
  });
}

/** The shared strings: each <si>'s text, rich-text runs joined, phonetic guides (<rPh>) left out. */
async function sharedStrings(entry: CentralDirectoryFile | undefined, limit: number): Promise<string[]> {
  if (!entry) return [];
  const strings: string[] = [];
  let text = "";
  let inT = false;
  let phonetic = 0;
  await parsePart(entry.stream(), (p) => {
    p.on("opentag", (tag) => {
      const name = local(tag.name);
      if (name === "si") text = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    });
    p.on("text", (t) => {
      if (inT) text += t;
    });
    p.on("closetag", (tag) => {
      const name = local(tag.name);
      if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        if (strings.length >= limit) throw new WorkbookReadError(`it holds more than ${limit.toLocaleString("en-GB")} different texts, more than can be read`);
        strings.push(decodeEscapes(text));
      }
    });
  });
  return strings;
}

/** The workbook's sheets in tab order, and whether it counts dates from 1904. */
async function workbookSheets(
  entry: CentralDirectoryFile,
): Promise<{ sheets: { name: string; state: SheetEntry["state"]; rid: string }[]; date1904: boolean }> {
  const sheets: { name: string; state: SheetEntry["state"]; rid: string }[] = [];
  let date1904 = false;
  await parsePart(entry.stream(), (p) => {
    p.on("opentag", (tag) => {
      const name = local(tag.name);
      if (name === "workbookPr") {
        const v = attr(tag, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (name === "sheet") {
        const state = attr(tag, "state");
        sheets.push({
          name: decodeEscapes(attr(tag, "name") ?? ""),
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          rid: attr(tag, "id", true) ?? "",
        });
      }
    });
  });
  return { sheets, date1904 };
}

/**
 * Opens an .xlsx file's workbook parts. Throws WorkbookReadError when the zip holds no workbook
 * (another kind of file named .xlsx) or the workbook has no worksheets.
 * @param limit - the most shared strings to keep (a guard against files built to exhaust memory)
 */
export async function openWorkbookParts(file: string, name: string, limit: number): Promise<WorkbookParts> {
  let entries: Map<string, CentralDirectoryFile>;
  try {
    entries = entriesOf((await unzipper.Open.file(file)).files);
  } catch (err) {
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new WorkbookReadError(`The file "${name}" could not be read as an Excel workbook (${detail}).`);
  }
  const root = await relationships(entries, "");
  const office = [...root.values()].find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const workbook = entries.get(office);
  if (!workbook) {
    const binary = entries.has("xl/workbook.bin");
    throw new WorkbookReadError(
      binary
        ? `The file "${name}" is a binary workbook (.xlsb): save it as .xlsx (Excel Workbook) in Excel and try again.`
        : `The file "${name}" is a zip archive but holds no Excel workbook: it may be another kind of file saved with the .xlsx extension.`,
    );
  }
  try {
    const rels = await relationships(entries, office);
    const ofType = (type: string): CentralDirectoryFile | undefined => {
      const target = [...rels.values()].find((r) => r.type === type)?.target;
      return target === undefined ? undefined : entries.get(target);
    };
    const listed = await workbookSheets(workbook);
    const sheets: SheetEntry[] = listed.sheets.map((s) => {
      const rel = rels.get(s.rid);
      return { name: s.name, state: s.state, part: rel && rel.type === "worksheet" && entries.has(rel.target) ? rel.target : null };
    });
    if (!sheets.some((s) => s.part !== null)) throw new WorkbookReadError(`The workbook "${name}" has no worksheets, so there is nothing to read.`);
    const formats = await cellFormats(ofType("styles"));
    const strings = await sharedStrings(ofType("sharedStrings"), limit);
    return {
      sheets,
      date1904: listed.date1904,
      formats,
      strings,
      open(part) {
        const entry = entries.get(part);
        if (!entry) throw new WorkbookReadError(`The file "${name}" is damaged: its part ${part} is missing.`);
        return entry.stream();
      },
    };
  } catch (err) {
    if (err instanceof WorkbookReadError) {
      if (err.message.startsWith("it holds")) throw new WorkbookReadError(`The file "${name}" could not be read: ${err.message}.`);
      throw err;
    }
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new WorkbookReadError(`The file "${name}" could not be read as an Excel workbook (${detail}).`);
  }
}

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/** An ISO 8601 date-time (a cell of type "d") as an Excel serial, or "#VALUE!" when it is not one. */
function isoDateToSerial(text: string, date1904: boolean): CellValue {
  const ms = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
  if (!Number.isFinite(ms)) return "#VALUE!";
  let serial = ms / DAY_MS + UNIX_EPOCH_SERIAL;
  // Excel's 1900 system counts a 29 February 1900 that never was.
  if (serial < 61) serial -= 1;
  if (date1904) serial -= DATE1904_OFFSET;
  return Math.round(serial * 86_400) / 86_400;
}

/** Column index of the letters at the start of a cell reference ("XFD1048576" → 16383), and where the digits start. */
function columnOf(ref: string): { col: number; digits: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    const upper = code >= 97 ? code - 32 : code;
    if (upper < 65 || upper > 90) break;
    col = col * 26 + (upper - 64);
  }
  return { col: col - 1, digits: i };
}

/**
 * Streams one worksheet's cells to `visitor`, in the order the sheet stores them: each value as
 * Office.js's `range.values` gives it (numbers, dates as serials, text, booleans, errors as
 * "#N/A"; a formula as its saved result), with its number format, then the merged ranges.
 */
export async function readSheetCells(parts: WorkbookParts, part: string, visitor: CellVisitor): Promise<void> {
  const { formats, strings, date1904 } = parts;
  let row = -1;
  let col = -1;
  // The cell being read.
  let type = "";
  let style = 0;
  let inCell = false;
  let hasValue = false;
  let hasFormula = false;
  let text = "";
  let capture = false;
  let inline = false;
  let phonetic = 0;
  await parsePart(parts.open(part), (p) => {
    p.on("opentag", (tag) => {
      switch (local(tag.name)) {
        case "row": {
          const r = Number(attr(tag, "r"));
          row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
          col = -1;
          break;
        }
        case "c": {
          const ref = attr(tag, "r");
          if (ref !== undefined && ref !== "") {
            const at = columnOf(ref);
            const r = Number(ref.slice(at.digits));
            col = at.col >= 0 ? at.col : col + 1;
            if (Number.isInteger(r) && r >= 1) row = r - 1;
          } else {
            col += 1;
          }
          if (row < 0) row = 0;
          type = attr(tag, "t") ?? "n";
          style = Number(attr(tag, "s") ?? "0") || 0;
          inCell = true;
          hasValue = false;
          hasFormula = false;
          inline = false;
          text = "";
          break;
        }
        case "v":
          if (inCell) {
            hasValue = true;
            capture = true;
            text = "";
          }
          break;
        case "f":
          if (inCell) hasFormula = true;
          break;
        case "is":
          if (inCell) {
            inline = true;
            hasValue = true;
            text = "";
          }
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inline && phonetic === 0) capture = true;
          break;
        case "mergeCell": {
          const ref = attr(tag, "ref");
          if (ref) visitor.merge(ref);
          break;
        }
      }
    });
    p.on("text", (t) => {
      if (capture) text += t;
    });
    p.on("cdata", (t) => {
      if (capture) text += t;
    });
    p.on("closetag", (tag) => {
      switch (local(tag.name)) {
        case "v":
        case "t":
          capture = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c": {
          if (!inCell) break;
          inCell = false;
          let value: CellValue = "";
          if (hasValue) {
            switch (type) {
              case "s":
                value = strings[Number(text)] ?? "";
                break;
              case "str":
              case "inlineStr":
                value = decodeEscapes(text);
                break;
              case "b":
                value = text.trim() === "1" || text.trim() === "true";
                break;
              case "e":
                value = text;
                break;
              case "d":
                value = text === "" ? "" : isoDateToSerial(text, date1904);
                break;
              default: {
                if (text !== "") {
                  const n = Number(text);
                  value = Number.isFinite(n) ? n : "#NUM!";
                }
              }
            }
          }
          visitor.cell(row, col, value, formats[style] ?? "General", hasFormula && !hasValue);
          break;
        }
      }
    });
  });
}
