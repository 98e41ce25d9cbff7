import { appendAll, maxOf } from "../core/append";
import { columnIndex, columnLetters, parseAddress } from "../core/a1";
import type { Polarity } from "../core/indicator";
import type { WorkbookReading } from "../core/reading";
import { monitorTest } from "../core/rules";
import type { RuleSettings } from "../core/settings";

/**
 * Optional RAG conditional formatting on the indicator worksheets themselves, so each result cell
 * shows its alert live while the team types next month's figures. Values are never written.
 *
 * Rules are added per block (one range per run of adjacent result columns of a table, or per run
 * of rows with the same polarity when the table has no polarity column), never per cell. Each
 * formula compares the result with its row's target and floor cells and carries a marker,
 * `N("kpi-dashboard")=0` (always TRUE, so it never changes the outcome): "Remove RAG formatting"
 * and each rebuild delete exactly the rules whose formula holds the marker, and none of the
 * user's own. The marker lives in the rule itself, so it survives copying, renaming and ids that
 * change between sessions (ids are not kept).
 *
 * Not mirrored (the dashboard still rates these): "close to target" polarity (no source colour),
 * tolerances on the green band, per-indicator tolerance columns, EXCEEDED (coloured as GREEN) and
 * alerts that follow the trend (`trendAlerts`); a missing floor uses the workbook's amber
 * tolerance when there is one, else goes straight from green to red. Monitor-only KPIs are left
 * uncoloured, as on the dashboard.
 */

/** Text every add-in rule's formula contains. */
export const ruleMarker = 'N("kpi-dashboard")=0';

/** Alert colours on source sheets (Excel's Good / Neutral / Bad styles, familiar to analysts). */
export const sourceColours = {
  GREEN: { fill: "#C6EFCE", fontColor: "#006100" },
  AMBER: { fill: "#FFEB9C", fontColor: "#9C5700" },
  RED: { fill: "#FFC7CE", fontColor: "#9C0006" },
} as const;

/** One rule of a block: an Excel formula (with "=") relative to the block's top-left cell. */
export interface SourceRule {
  readonly alert: "GREEN" | "AMBER" | "RED";
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
}

/** Rules to add on one range of a source sheet. */
export interface SourceRuleBlock {
  readonly sheet: string;
  /** "D5:F40". */
  readonly range: string;
  readonly rules: readonly SourceRule[];
}

const lowerWords = ["low", "down", "fewer", "less", "reduc", "decreas", "minimi", "smaller", "↓"];

/** Excel test that a polarity cell says "lower is better" (mirrors the reader's words), excluding "target". */
function lowerTest(cell: string): string {
  const words = lowerWords.map((w) => `ISNUMBER(SEARCH("${w}",${cell}))`).join(",");
  return `OR(${words},TRIM(${cell})="l")`;
}

function fallbackFloor(target: string, lower: boolean, rules: RuleSettings): string | null {
  const t = rules.amberTolerance;
  if (!t) return null;
  if (t.kind === "percent") return `${target}*(1${lower ? "+" : "-"}${t.value})`;
  return `${target}${lower ? "+" : "-"}${t.value}`;
}

/**
 * The three RAG formulas for a block. `actual` is relative ("D5"), the others absolute in column
 * ("$F5"); `polarity` is a polarity cell or a fixed polarity.
 */
export function ragFormulas(cells: { actual: string; target: string; floor: string | null; polarity: string | Polarity }, rules: RuleSettings): SourceRule[] {
  const { actual: a, target: t, floor: f } = cells;
  const fixed = cells.polarity === "higher" || cells.polarity === "lower" ? cells.polarity : null;
  const lower = fixed === "lower";
  const tgtOp = (lo: boolean): string => (lo ? (rules.atTarget === "GREEN" ? "<=" : "<") : rules.atTarget === "GREEN" ? ">=" : ">");
  const floorOp = (lo: boolean): string => (lo ? (rules.atFloor === "AMBER" ? "<=" : "<") : rules.atFloor === "AMBER" ? ">=" : ">");
  const byPolarity = (make: (lo: boolean) => string): string => (fixed ? make(lower) : `IF(${lowerTest(cells.polarity)},${make(true)},${make(false)})`);
  const meetsTarget = byPolarity((lo) => `${a}${tgtOp(lo)}${t}`);
  const floorValue = (lo: boolean): string | null => {
    const tol = fallbackFloor(t, lo, rules);
    if (f && tol) return `IF(ISNUMBER(${f}),${f},${tol})`;
    return f ?? tol;
  };
  const hasFloor = f ? (fallbackFloor(t, false, rules) ? "TRUE" : `ISNUMBER(${f})`) : fallbackFloor(t, false, rules) ? "TRUE" : "FALSE";
  const meetsFloor = floorValue(false) === null ? "FALSE" : byPolarity((lo) => `${a}${floorOp(lo)}${floorValue(lo) ?? t}`);
  const base = [`ISNUMBER(${a})`, `ISNUMBER(${t})`];
  if (!fixed) base.push(`ISERROR(SEARCH("target",${cells.polarity}))`);
  const and = (...parts: string[]): string => `=AND(${[...base, ...parts, ruleMarker].join(",")})`;
  return [
    { alert: "GREEN", formula: and(meetsTarget), ...sourceColours.GREEN },
    { alert: "AMBER", formula: and(`NOT(${meetsTarget})`, hasFloor, meetsFloor), ...sourceColours.AMBER },
    { alert: "RED", formula: and(`NOT(${meetsTarget})`, `OR(NOT(${hasFloor}),NOT(${meetsFloor}))`), ...sourceColours.RED },
  ];
}

/** Runs of adjacent column letters: ["D","E","G"] → [["D","E"],["G","G"]]. */
function columnRuns(letters: readonly string[]): [string, string][] {
  const idx = [...new Set(letters.map(columnIndex))].sort((x, y) => x - y);
  const out: [number, number][] = [];
  for (const i of idx) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out.map(([x, y]) => [columnLetters(x), columnLetters(y)]);
}

/** The runs of rows with the rows in `gaps` taken out (a run split around each). */
function splitAround<T extends { from: number; to: number }>(runs: readonly T[], gaps: ReadonlySet<number>): T[] {
  if (gaps.size === 0) return [...runs];
  const out: T[] = [];
  for (const run of runs) {
    let from = run.from;
    for (let r = run.from; r <= run.to + 1; r++) {
      if (r <= run.to && !gaps.has(r)) continue;
      if (r > from) out.push({ ...run, from, to: r - 1 });
      from = r + 1;
    }
  }
  return out;
}

/** Plans the rules for every indicator table found: pure, so it is tested without Excel. */
export function planSourceFormatting(reading: WorkbookReading, rules: RuleSettings): SourceRuleBlock[] {
  const blocks: SourceRuleBlock[] = [];
  const monitored = monitorTest(rules);
  for (const sheet of reading.sheets) {
    if (sheet.layout === "none" || sheet.headerRow === null) continue;
    const col = (role: string): string | null => sheet.columns.find((c) => c.role === role)?.column ?? null;
    const target = col("target");
    if (!target) continue;
    const floor = col("floor");
    const polarityCol = col("polarity");
    const resultCols = sheet.columns.filter((c) => (sheet.layout === "wide" ? c.role === "period" : c.role === "actual")).map((c) => c.column);
    if (resultCols.length === 0) continue;

    // Rows of the KPIs of this table, with the polarity each row's KPI has. A monitor-only KPI has
    // no colour on the dashboard, so its rows get none here either, whatever its target cells hold.
    const polarityByRow = new Map<number, Polarity>();
    const uncoloured = new Set<number>();
    for (const ind of reading.indicators) {
      if (ind.sheet !== sheet.sheet || ind.kind !== "kpi" || ind.row <= sheet.headerRow) continue;
      const add = monitored(ind) ? (row: number) => void uncoloured.add(row) : (row: number) => void polarityByRow.set(row, ind.polarity);
      add(ind.row);
      for (const obs of ind.series) {
        const at = obs.cells.actual ? parseAddress(obs.cells.actual) : null;
        if (at) add(at.row + 1);
      }
    }
    if (polarityByRow.size === 0) continue;
    const first = sheet.headerRow + 1;
    const last = maxOf(polarityByRow.keys());

    // One row range per table with a polarity column; otherwise runs of rows sharing a polarity.
    const rowRuns: { from: number; to: number; polarity: Polarity | null }[] = [];
    if (polarityCol) rowRuns.push({ from: first, to: last, polarity: null });
    else {
      let current: Polarity = polarityByRow.get(first) ?? "higher";
      let from = first;
      for (let r = first; r <= last; r++) {
        const p = polarityByRow.get(r);
        if (p !== undefined && p !== current) {
          rowRuns.push({ from, to: r - 1, polarity: current });
          current = p;
          from = r;
        }
      }
      rowRuns.push({ from, to: last, polarity: current });
    }

    for (const [c0, c1] of columnRuns(resultCols)) {
      for (const run of splitAround(rowRuns, uncoloured)) {
        if (run.to < run.from || run.polarity === "target") continue;
        const r = run.from;
        blocks.push({
          sheet: sheet.sheet,
          range: `${c0}${run.from}:${c1}${run.to}`,
          rules: ragFormulas(
            {
              actual: `${c0}${r}`,
              target: `$${target}${r}`,
              floor: floor ? `$${floor}${r}` : null,
              polarity: polarityCol ? `$${polarityCol}${r}` : (run.polarity ?? "higher"),
            },
            rules,
          ),
        });
      }
    }
  }
  return blocks;
}

/** True when a rule's formula is one the add-in added. */
export function isAddinRule(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes('N("kpi-dashboard")');
}

/** A rule the add-in made, found on a sheet. */
export interface FoundRule {
  readonly sheet: string;
  readonly rule: Excel.ConditionalFormat;
  /** The rule's place in its sheet's collection, which is how Excel addresses it. */
  readonly priority: number;
}

/**
 * Queues finding the add-in's rules on the sheets: one load per sheet of every rule's custom
 * formula, through `customOrNullObject` so rules of other types read as null instead of failing
 * the request (loading `custom` on them is refused, office-js#2180). Call the result after the
 * sync: the add-in's rules, or null for a sheet that does not exist.
 *
 * Some rules a user made cannot be read at all (office-js#6835, #6827), and then the whole request
 * fails; see `scanRulesGuarded` for reading sheets so that one such sheet only skips itself.
 */
export function queueScanRules(context: Excel.RequestContext, sheets: readonly string[]): () => FoundRule[] {
  const scans = sheets.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const cfs = ws.getRange().conditionalFormats;
    cfs.load("items/customOrNullObject/rule/formula");
    return { name, ws, cfs };
  });
  return () => {
    const found: FoundRule[] = [];
    for (const { name, ws, cfs } of scans) {
      if (ws.isNullObject) continue;
      cfs.items.forEach((cf, priority) => {
        const custom = cf.customOrNullObject;
        if (!custom.isNullObject && isAddinRule(custom.rule.formula)) found.push({ sheet: name, rule: cf, priority });
      });
    }
    return found;
  };
}

/**
 * Finds the add-in's rules so that a sheet whose rules Excel cannot read only skips itself: every
 * sheet in one request, and when that fails, one request per sheet. Returns the rules found, the
 * sheets that could not be read, and the round trips made.
 */
export async function scanRulesGuarded(
  context: Excel.RequestContext,
  sheets: readonly string[],
): Promise<{ found: FoundRule[]; unreadable: string[]; syncs: number }> {
  const all = queueScanRules(context, sheets);
  try {
    await context.sync();
    return { found: all(), unreadable: [], syncs: 1 };
  } catch {
    // One sheet's rules spoil the request for all of them: find which, one sheet at a time.
  }
  const found: FoundRule[] = [];
  const unreadable: string[] = [];
  for (const sheet of sheets) {
    const read = queueScanRules(context, [sheet]);
    try {
      // One request per sheet is the point here, and only after a request for all of them failed.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      appendAll(found, read());
    } catch {
      unreadable.push(sheet);
    }
  }
  return { found, unreadable, syncs: 1 + sheets.length };
}

/**
 * Queues deleting rules found by the scan; returns how many. Excel addresses a rule by its place
 * in the collection, and deleting one moves every rule below it up (the d.ts on `priority`), so
 * each sheet's rules are deleted from the bottom up: no deletion shifts a rule still to delete.
 */
export function queueDeleteRules(found: readonly FoundRule[]): number {
  const ordered = [...found].sort((a, b) => a.sheet.localeCompare(b.sheet) || b.priority - a.priority);
  for (const { rule } of ordered) rule.delete();
  return found.length;
}

/** Queues adding the planned blocks (after the user's rules: the RAG rules are exclusive, so no stopIfTrue). */
export function queueAddRules(context: Excel.RequestContext, blocks: readonly SourceRuleBlock[]): number {
  let added = 0;
  for (const block of blocks) {
    const range = context.workbook.worksheets.getItem(block.sheet).getRange(block.range);
    for (const rule of block.rules) {
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = rule.fill;
      cf.custom.format.font.color = rule.fontColor;
      cf.stopIfTrue = false;
      added++;
    }
  }
  return added;
}
