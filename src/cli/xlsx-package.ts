import JSZip from "jszip";
import { columnLetters, rangeBounds } from "../core/a1";
import type { ChartPlan, PlanValue, SheetPlan, TablePlan } from "../core/sheet-plan";

/**
 * What exceljs cannot write, added to the package it wrote: the dashboard's trend charts as
 * native Excel charts (DrawingML chart parts in a drawing, so an analyst can restyle them in
 * Excel and LibreOffice draws them in the PDF), the tables with their header rows, and the
 * document's properties (title, language, and an author left for the council). The package is a
 * zip of XML parts (ECMA-376 / ISO 29500); this adds parts, their relationships and content
 * types, and the references from the worksheet, and leaves every part exceljs wrote as it was
 * except those references and the core properties.
 */

/** The document's properties, as the PDF and Word's and Excel's File > Info show them. */
export interface PackageProperties {
  /** The dashboard's title and period. */
  readonly title: string;
  /** Left empty for the council to fill in unless given. */
  readonly author: string;
  /** BCP 47, "en-GB". */
  readonly language: string;
}

const ns = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
} as const;

const contentTypes = {
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const relTypes = {
  table: `${ns.rel}/table`,
  drawing: `${ns.rel}/drawing`,
  chart: `${ns.rel}/chart`,
} as const;

/** The chart colours of the add-in's writer: dark blue results, grey target, so both read in black and white. */
export const chartLineColours = { actual: "1F3864", target: "7F7F7F" } as const;

/** Text for XML content or an attribute value. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A formula reference to a range of the sheet: 'Dashboard'!$R$50:$AD$50. */
function sheetRef(sheet: string, range: string): string {
  const b = rangeBounds(range);
  if (!b) return `'${sheet.replace(/'/g, "''")}'!${range}`;
  const cell = (r: number, c: number): string => `$${columnLetters(c)}$${r + 1}`;
  return `'${sheet.replace(/'/g, "''")}'!${cell(b.top, b.left)}:${cell(b.bottom, b.right)}`;
}

/** The plan's values over a one-row or one-column range, in order. */
function valuesOf(plan: SheetPlan, range: string): PlanValue[] {
  const b = rangeBounds(range);
  if (!b) return [];
  const out: PlanValue[] = [];
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(plan.values[r]?.[c] ?? null);
  return out;
}

/** A chart or axis title as rich text, bold at the given size (hundredths of a point). */
function richTitle(text: string, size: number, rotated = false): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr${rotated ? ' rot="-5400000" vert="horz"' : ""}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${size}" b="1"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function lineProperties(colour: string, dashed: boolean): string {
  return `<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>${dashed ? '<a:prstDash val="dash"/>' : ""}<a:round/></a:ln></c:spPr>`;
}

function series(plan: SheetPlan, chart: ChartPlan, index: number, name: string, range: string, colour: string, dashed: boolean): string {
  const labels = valuesOf(plan, chart.categories);
  const values = valuesOf(plan, range);
  const strPts = labels.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${xmlEscape(String(v))}</c:v></c:pt>`)).join("");
  const numPts = values.map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
  const marker = dashed
    ? '<c:marker><c:symbol val="none"/></c:marker>'
    : `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr></c:marker>`;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${xmlEscape(name)}</c:v></c:tx>${lineProperties(colour, dashed)}${marker}` +
    `<c:cat><c:strRef><c:f>${xmlEscape(sheetRef(plan.name, chart.categories))}</c:f><c:strCache><c:ptCount val="${labels.length}"/>${strPts}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(sheetRef(plan.name, range))}</c:f><c:numCache><c:formatCode>${xmlEscape(chart.numberFormat)}</c:formatCode><c:ptCount val="${values.length}"/>${numPts}</c:numCache></c:numRef></c:val>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

/**
 * A chart part: a line chart of the results (circle markers) and, when planned, the target as a
 * dashed grey line, over the periods, with its title and both axes titled, no legend (the
 * sheet's note says which line is which, as in the add-in), gaps where a result is missing.
 * Each series refers to the sheet's cells and carries their values, so a reader that does not
 * recalculate still draws it.
 */
export function chartPartXml(plan: SheetPlan, chart: ChartPlan): string {
  const target = chart.target ? series(plan, chart, 1, chart.seriesNames.target, chart.target, chartLineColours.target, true) : "";
  const axis = (id: number): string => `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.rel}"><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart>${richTitle(chart.title, 1000)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
    series(plan, chart, 0, chart.seriesNames.actual, chart.actual, chartLineColours.actual, false) +
    target +
    `<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>` +
    `<c:catAx>${axis(500000001)}<c:axPos val="b"/>${richTitle(chart.axisTitles.category, 800)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx>${axis(500000002)}<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `${richTitle(chart.axisTitles.value, 800, true)}<c:numFmt formatCode="${xmlEscape(chart.numberFormat)}" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"><a:latin typeface="Arial"/></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** The drawing part holding every chart, each anchored over its planned cells, with its name and alternative text. */
export function drawingPartXml(charts: readonly ChartPlan[]): string {
  const anchors = charts.map((chart, i) => {
    const b = rangeBounds(chart.anchor) ?? { top: 0, left: 0, bottom: 9, right: 4 };
    const at = (col: number, row: number): string => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(b.left, b.top)}</xdr:from><xdr:to>${at(b.right + 1, b.bottom + 1)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(chart.name)}" descr="${xmlEscape(chart.altText.description)}" title="${xmlEscape(chart.altText.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${ns.c}"><c:chart xmlns:c="${ns.c}" xmlns:r="${ns.rel}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}">${anchors.join("")}</xdr:wsDr>`;
}

/** A table part: its range, a header row whose column names are the header cells, no filter buttons or banding. */
export function tablePartXml(table: TablePlan, id: number): string {
  const columns = table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(name)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${ns.main}" id="${id}" name="${xmlEscape(table.name)}" displayName="${xmlEscape(table.name)}" ref="${table.range}" headerRowCount="1" totalsRowShown="0">` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>`
  );
}

function relationships(rels: readonly { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns.pkgRel}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;
}

/** Worksheet elements that must come after <drawing> and <tableParts>, in the schema's order (CT_Worksheet). */
const afterDrawing = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Inserts `xml` before the first of `before` present in the worksheet, or before its end. */
function insertBefore(sheet: string, xml: string, before: readonly string[]): string {
  let at = sheet.lastIndexOf("</worksheet>");
  for (const name of before) {
    const i = sheet.indexOf(`<${name}`);
    if (i >= 0 && i < at) at = i;
  }
  return sheet.slice(0, at) + xml + sheet.slice(at);
}

/** The worksheet part of the sheet named `name`, from the workbook and its relationships. */
async function sheetPartPath(zip: JSZip, name: string): Promise<string> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const unescape = (s: string): string =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? "") === name);
  const id = sheet ? /r:id="([^"]+)"/.exec(sheet)?.[1] : undefined;
  const rel = id ? [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`Id="${id}"`)) : undefined;
  const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
  if (!target) throw new Error(`The workbook written has no sheet "${name}".`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Sets dc:title, dc:creator and dc:language in the core properties; an empty author leaves no author at all. */
function coreProperties(xml: string, props: PackageProperties): string {
  const set = (doc: string, tag: string, value: string): string => {
    const element = value ? `<${tag}>${xmlEscape(value)}</${tag}>` : "";
    const re = new RegExp(`<${tag}>[\\s\\S]*?</${tag}>|<${tag}/>`);
    return re.test(doc) ? doc.replace(re, element) : doc.replace("</cp:coreProperties>", `${element}</cp:coreProperties>`);
  };
  let out = set(xml, "dc:title", props.title);
  out = set(out, "dc:creator", props.author);
  out = set(out, "cp:lastModifiedBy", props.author);
  out = set(out, "dc:language", props.language);
  return out;
}

/**
 * Adds the plan's charts and tables to the package exceljs wrote for it, and sets the document's
 * properties; returns the new package.
 */
export async function finishDashboardPackage(bytes: Uint8Array, plan: SheetPlan, props: PackageProperties): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const sheetPath = await sheetPartPath(zip, plan.name);
  const sheetDir = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
  const sheetFile = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);
  const relsPath = `${sheetDir}/_rels/${sheetFile}.rels`;
  let sheet = (await zip.file(sheetPath)?.async("string")) ?? "";
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const existing = await zip.file(relsPath)?.async("string");
  const sheetRels: { id: string; type: string; target: string }[] = existing
    ? [...existing.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
        id: /Id="([^"]+)"/.exec(m[0])?.[1] ?? "",
        type: /Type="([^"]+)"/.exec(m[0])?.[1] ?? "",
        target: /Target="([^"]+)"/.exec(m[0])?.[1] ?? "",
      }))
    : [];
  const newRelId = (): string => {
    let n = sheetRels.length + 1;
    while (sheetRels.some((r) => r.id === `rIdKpi${n}`)) n++;
    return `rIdKpi${n}`;
  };
  const override = (part: string, type: string): void => {
    types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  };

  if (plan.charts.length > 0) {
    const drawing = `xl/drawings/drawing1.xml`;
    zip.file(drawing, drawingPartXml(plan.charts));
    override(drawing, contentTypes.drawing);
    const chartRels = plan.charts.map((chart, i) => {
      const part = `xl/charts/chart${i + 1}.xml`;
      zip.file(part, chartPartXml(plan, chart));
      override(part, contentTypes.chart);
      return { id: `rId${i + 1}`, type: relTypes.chart, target: `../charts/chart${i + 1}.xml` };
    });
    zip.file("xl/drawings/_rels/drawing1.xml.rels", relationships(chartRels));
    const id = newRelId();
    sheetRels.push({ id, type: relTypes.drawing, target: "../drawings/drawing1.xml" });
    sheet = insertBefore(sheet, `<drawing r:id="${id}"/>`, afterDrawing);
  }

  if (plan.tables.length > 0) {
    const parts = plan.tables.map((table, i) => {
      const part = `xl/tables/table${i + 1}.xml`;
      zip.file(part, tablePartXml(table, i + 1));
      override(part, contentTypes.table);
      const id = newRelId();
      sheetRels.push({ id, type: relTypes.table, target: `../tables/table${i + 1}.xml` });
      return `<tablePart r:id="${id}"/>`;
    });
    sheet = insertBefore(sheet, `<tableParts count="${parts.length}">${parts.join("")}</tableParts>`, ["extLst"]);
  }

  zip.file(sheetPath, sheet);
  if (sheetRels.length > 0) zip.file(relsPath, relationships(sheetRels));
  zip.file("[Content_Types].xml", types);
  const core = await zip.file("docProps/core.xml")?.async("string");
  if (core) zip.file("docProps/core.xml", coreProperties(core, props));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
