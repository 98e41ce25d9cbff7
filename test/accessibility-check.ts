import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";

/**
 * The rules of Excel's accessibility checker that can be read from an .xlsx file, applied to a
 * workbook by reading its package (JSZip, fast-xml-parser): no merged cells; alternative text
 * on every chart, picture and shape; a header row on every table, whose cells are its column
 * names, and no blank row inside a table; no default sheet names ("Sheet1"); and for every pair
 * of fill and font colours that a cell with text or a conditional format shows, the WCAG 2.x AA
 * contrast ratio (4.5:1, or 3:1 for large text: 14pt bold or 18pt). What the checker also asks
 * and a file cannot show (that colour is not the only way meaning is given, that link text makes
 * sense) is for people: the dashboard writes alerts as words.
 */

/** One thing the checker would flag. */
export interface Finding {
  readonly rule: "merged-cells" | "missing-alt-text" | "table-header" | "blank-table-row" | "default-sheet-name" | "contrast";
  readonly where: string;
  readonly detail: string;
}

type Xml = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) =>
    [
      "sheet",
      "Relationship",
      "mergeCell",
      "row",
      "c",
      "font",
      "fill",
      "xf",
      "dxf",
      "tableColumn",
      "xdr:twoCellAnchor",
      "xdr:oneCellAnchor",
      "xdr:absoluteAnchor",
      "si",
      "r",
      "cfRule",
      "conditionalFormatting",
    ].includes(name),
});
const list = (x: unknown): Xml[] => (Array.isArray(x) ? (x as Xml[]) : x === undefined || x === null ? [] : [x as Xml]);
const get = (x: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Xml)[k] : undefined), x);

/** WCAG 2.x relative luminance of "RRGGBB". */
function luminance(hex: string): number {
  const ch = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(0) + 0.7152 * ch(2) + 0.0722 * ch(4);
}

/** WCAG contrast ratio of two "RRGGBB" colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** A colour element's RGB: rgb="FF1F3864", or the default theme's text (dark 1, black) and background (light 1, white). */
function colourOf(el: unknown, fallback: string): string {
  const rgb = get(el, "@rgb");
  if (typeof rgb === "string" && /^[0-9A-F]{8}$/i.test(rgb)) return rgb.slice(2).toUpperCase();
  const theme = get(el, "@theme");
  if (theme !== undefined) return Number(theme) === 0 || Number(theme) === 2 ? "FFFFFF" : "000000";
  return fallback;
}

function cellRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref) ?? ["", "A", "1"];
  let col = 0;
  for (const ch of m[1] ?? "A") col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function bounds(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = range.split(":");
  const from = cellRef(a ?? "A1");
  const to = cellRef(b ?? a ?? "A1");
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

/** Applies the checker's rules to an .xlsx file's bytes and returns what it finds (nothing, for a sheet that passes). */
export async function checkWorkbookAccessibility(bytes: Uint8Array): Promise<Finding[]> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (part: string): Promise<Xml> => parser.parse((await zip.file(part)?.async("string")) ?? "") as Xml;
  const findings: Finding[] = [];
  const workbook = await read("xl/workbook.xml");
  const rels = list(get(await read("xl/_rels/workbook.xml.rels"), "Relationships", "Relationship"));
  const strings = list(get(await read("xl/sharedStrings.xml"), "sst", "si")).map((si) =>
    si["t"] !== undefined
      ? String(get(si, "t", "#text") ?? si["t"])
      : list(si["r"])
          .map((r) => String(get(r, "t", "#text") ?? r["t"] ?? ""))
          .join(""),
  );

  // Styles: what each cell format and each conditional format shows.
  const styles = await read("xl/styles.xml");
  const fonts = list(get(styles, "styleSheet", "fonts", "font")).map((f) => ({
    colour: colourOf(f["color"], "000000"),
    size: Number(get(f, "sz", "@val") ?? 11),
    bold: f["b"] !== undefined,
  }));
  const fills = list(get(styles, "styleSheet", "fills", "fill")).map((f) =>
    get(f, "patternFill", "@patternType") === "solid" ? colourOf(get(f, "patternFill", "fgColor"), "FFFFFF") : "FFFFFF",
  );
  const xfs = list(get(styles, "styleSheet", "cellXfs", "xf")).map((x) => ({
    font: fonts[Number(x["@fontId"] ?? 0)],
    fill: fills[Number(x["@fillId"] ?? 0)] ?? "FFFFFF",
  }));
  const dxfs = list(get(styles, "styleSheet", "dxfs", "dxf"));

  for (const sheet of list(get(workbook, "workbook", "sheets", "sheet"))) {
    const name = String(sheet["@name"]);
    if (/^Sheet\d*$/i.test(name) || name.trim() === "")
      findings.push({ rule: "default-sheet-name", where: name, detail: "a sheet name should say what the sheet holds" });
    const target = String(rels.find((r) => r["@Id"] === sheet["@r:id"])?.["@Target"] ?? "");
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const ws = get(await read(path), "worksheet") as Xml;
    const dir = path.slice(0, path.lastIndexOf("/"));
    const sheetRels = list(get(await read(`${dir}/_rels/${path.slice(path.lastIndexOf("/") + 1)}.rels`), "Relationships", "Relationship"));
    const relTarget = (id: unknown): string => {
      const t = String(sheetRels.find((r) => r["@Id"] === id)?.["@Target"] ?? "");
      return t.startsWith("/") ? t.slice(1) : `${dir}/${t}`.replace(/[^/]+\/\.\.\//g, "");
    };

    for (const merge of list(get(ws, "mergeCells", "mergeCell")))
      findings.push({ rule: "merged-cells", where: `${name}!${String(merge["@ref"])}`, detail: "merged cells; centre across the selection instead" });

    // Cells: values (shared strings resolved) and formats.
    const cells = new Map<string, { text: string; style: number }>();
    for (const row of list(get(ws, "sheetData", "row"))) {
      for (const c of list(row["c"])) {
        const raw = c["v"] ?? get(c, "is", "t");
        const text = raw === undefined ? "" : c["@t"] === "s" ? (strings[Number(raw)] ?? "") : String(raw);
        cells.set(String(c["@r"]), { text, style: Number(c["@s"] ?? 0) });
      }
    }
    for (const [ref, cell] of cells) {
      if (cell.text.trim() === "") continue;
      const xf = xfs[cell.style];
      if (!xf?.font) continue;
      const ratio = contrast(xf.font.colour, xf.fill);
      const large = xf.font.size >= 18 || (xf.font.bold && xf.font.size >= 14);
      if (ratio < (large ? 3 : 4.5))
        findings.push({ rule: "contrast", where: `${name}!${ref}`, detail: `#${xf.font.colour} on #${xf.fill}: ${ratio.toFixed(2)}:1` });
    }
    // Conditional formats: the fill and font each rule shows (over the cell's own font when it sets none).
    for (const cf of list(get(ws, "conditionalFormatting"))) {
      for (const rule of list(cf["cfRule"])) {
        const dxf = dxfs[Number(rule["@dxfId"] ?? -1)];
        if (!dxf) continue;
        const fill = colourOf(get(dxf, "fill", "patternFill", "bgColor"), "FFFFFF");
        const font = colourOf(get(dxf, "font", "color"), "000000");
        const ratio = contrast(font, fill);
        if (ratio < 4.5)
          findings.push({
            rule: "contrast",
            where: `${name}!${String(cf["@sqref"])}`,
            detail: `conditional format: #${font} on #${fill}: ${ratio.toFixed(2)}:1`,
          });
      }
    }

    // Drawings: every chart, picture and shape needs alternative text.
    const drawingId = get(ws, "drawing", "@r:id");
    if (drawingId !== undefined) {
      const drawing = get(await read(relTarget(drawingId)), "xdr:wsDr") as Xml;
      const anchors = [...list(drawing["xdr:twoCellAnchor"]), ...list(drawing["xdr:oneCellAnchor"]), ...list(drawing["xdr:absoluteAnchor"])];
      for (const anchor of anchors) {
        const props = (get(anchor, "xdr:graphicFrame", "xdr:nvGraphicFramePr", "xdr:cNvPr") ??
          get(anchor, "xdr:pic", "xdr:nvPicPr", "xdr:cNvPr") ??
          get(anchor, "xdr:sp", "xdr:nvSpPr", "xdr:cNvPr")) as Xml | undefined;
        const alt = `${String(props?.["@descr"] ?? "")}${String(props?.["@title"] ?? "")}`.trim();
        if (alt === "")
          findings.push({ rule: "missing-alt-text", where: `${name}: ${String(props?.["@name"] ?? "an object")}`, detail: "no alternative text" });
      }
    }

    // Tables: a header row that names each column, and no blank row inside.
    for (const part of list(get(ws, "tableParts", "tablePart"))) {
      const table = get(await read(relTarget(part["@r:id"])), "table") as Xml;
      const tableName = String(table["@name"]);
      const b = bounds(String(table["@ref"]));
      if (Number(table["@headerRowCount"] ?? 1) === 0) {
        findings.push({ rule: "table-header", where: `${name}: ${tableName}`, detail: "the table has no header row" });
        continue;
      }
      const columns = list(get(table, "tableColumns", "tableColumn")).map((c) => String(c["@name"]));
      const letters = (col: number): string => {
        let s = "";
        for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        return s;
      };
      columns.forEach((column, k) => {
        const header = cells.get(`${letters(b.left + k)}${b.top}`)?.text ?? "";
        if (header.trim() === "" || header !== column)
          findings.push({ rule: "table-header", where: `${name}: ${tableName}`, detail: `column ${k + 1}'s header cell is "${header}", its name "${column}"` });
      });
      for (let r = b.top + 1; r <= b.bottom; r++) {
        let blank = true;
        for (let c = b.left; c <= b.right && blank; c++) blank = (cells.get(`${letters(c)}${r}`)?.text ?? "").trim() === "";
        if (blank) findings.push({ rule: "blank-table-row", where: `${name}: ${tableName} row ${r}`, detail: "a blank row inside a table" });
      }
    }
  }
  return findings;
}
