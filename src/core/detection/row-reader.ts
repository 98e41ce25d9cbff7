import { monthPeriod, serialToIso } from "../calendar";
import { diagnostic, type Diagnostic, type DiagnosticCode } from "../diagnostics";
import type { CellValue } from "../grid";
import type { ObservationField, Unit } from "../indicator";
import type { Period } from "../period";
import type { ColumnRole } from "../settings";
import { benchmarkColumns, readBenchmarks, type BenchmarkColumns } from "./benchmark-columns";
import { ACTIVITY_FIELDS, newCellPlan, newDraft, Obs, planColumn, setFigure, type Draft, type NumericField, type TableContext } from "./draft";
import { cellText, parseAggregation, parseExcluded, parseFrequency, parseKind, parsePolarity, parseTolerance } from "./field-text";
import type { PeriodField, TableHeader } from "./find-tables";
import { isDateFormat, parsePeriod, type ParsedPeriod } from "./period-text";
import { parseFrequencyYears, saysMonitorOnly, saysYearToDate } from "./scheme-text";
import { isBlank, type SheetView } from "./sheet-view";
import { parseUnit, readNumber, readNumberAt, unitFromFormat } from "./values";
import { visibleText } from "./visible-text";

const NUMERIC_FIELDS: readonly NumericField[] = ["actual", "target", "floor", "expected", "lower", "upper", "numerator", "denominator"];
const ROW_FIELDS: readonly ObservationField[] = ["target", "floor", "expected", "lower", "upper"];
/** Period of the throwaway observation a row-wide figure is read into; never shown. Built once, not per row. */
const PROBE_PERIOD: Period = monthPeriod(2000, 1);

/**
 * Reads the rows of one table into drafts: a wide row is a whole indicator, returned at once; a
 * long table's rows are gathered by indicator until the table ends. Problems with cells become
 * diagnostics naming the cell.
 */
export class TableReader {
  readonly diagnostics: Diagnostic[] = [];
  /** A long table's indicators, gathered from rows until the table ends. */
  readonly drafts: Draft[] = [];
  private readonly byKey = new Map<string, Draft>();
  private readonly rowColumns: { role: ColumnRole; col: number }[] = [];
  private readonly periodColumns: { col: number; period: ParsedPeriod; field: PeriodField }[] = [];
  /**
   * For each period column of a wide table, which of the row's observations it fills: columns
   * sharing a period (its result and its target) share one. Worked out once from the header,
   * rather than looking the period up for every cell of every row.
   */
  private readonly columnSlots: number[] = [];
  private slotCount = 0;
  /** Each slot's cell plan (see draft.ts), made once from the header; a long table's one plan; the plan of the row-wide probe. */
  private readonly slotPlans: Int32Array[] = [];
  private readonly longPlan: Int32Array;
  private readonly probePlan: Int32Array;
  /**
   * Slot numbers: one per distinct period (periods written differently but the same, such as a
   * date and "Apr-12", share one). Observations are found by slot in an array, by the period
   * object's identity first, rather than by building and hashing a key for every cell.
   */
  private readonly slotOfKey = new Map<string, number>();
  private readonly slotOfPeriod = new Map<ParsedPeriod, number>();
  /** Grid column of each role the header has, looked up for every row (by name, which is quicker than a Map). */
  private readonly cols: Partial<Record<ColumnRole, number>> = {};
  /** A long table's figure columns, in the order they are read. */
  private readonly figureColumns: { field: NumericField; col: number }[] = [];
  /** The draft of the last long-table row read, with the name and reference that found it. */
  private lastDraft: { name: string; ref: string; draft: Draft } | null = null;
  /** Periods read from a long table's period cells, by number format and cell value: a long table repeats the same few periods on every row. */
  private readonly periodCells = new Map<string, Map<CellValue, ParsedPeriod | null>>();
  private section: string | null = null;
  private lastServiceArea: string | null = null;
  private lastName = "";
  private lastRef = "";
  /** Texts whose hidden characters were already reported: a long table repeats its names on every row. */
  private readonly reportedHidden = new Set<string>();
  /** The last number format asked about, and whether it shows a date: a column's cells share one. */
  private lastFormat = "";
  private lastFormatIsDate = false;
  /** The table's benchmarking columns (averages, rank, quartile, midpoint), or null when it has none. */
  private readonly benchmarks: BenchmarkColumns | null;
  /**
   * Unknown words in describing columns, warned once per column and word: the first cell's warning,
   * where it is in `diagnostics`, and how many more cells said the same (see summariseRepeats).
   */
  private readonly repeats = new Map<string, { index: number; more: number; column: string }>();
  lastRow: number;

  constructor(
    private readonly view: SheetView,
    private readonly header: TableHeader,
    private readonly ctx: TableContext,
  ) {
    this.lastRow = header.row;
    for (const c of header.columns) {
      if (c.role === "period" && c.period && c.field) this.periodColumns.push({ col: c.col, period: c.period, field: c.field });
    }
    for (const [role, col] of header.roles) {
      this.rowColumns.push({ role, col });
      this.cols[role] = col;
    }
    for (const field of NUMERIC_FIELDS) {
      const col = this.cols[field];
      if (col !== undefined) this.figureColumns.push({ field, col });
    }
    for (const p of this.periodColumns) this.columnSlots.push(this.slotOf(p.period));
    const origin = view.origin;
    const rowWideFields = ROW_FIELDS.filter((f) => this.cols[f] !== undefined);
    this.periodColumns.forEach((p, i) => {
      const slot = this.columnSlots[i] ?? 0;
      let plan = this.slotPlans[slot];
      if (!plan) {
        plan = newCellPlan(origin);
        for (const f of rowWideFields) planColumn(plan, f, this.cols[f] ?? -1, true);
        if (this.cols.commentary !== undefined) planColumn(plan, "commentary", this.cols.commentary);
        this.slotPlans[slot] = plan;
      }
      planColumn(plan, p.field, p.col);
    });
    this.longPlan = newCellPlan(origin);
    for (const { field, col } of this.figureColumns) planColumn(this.longPlan, field, col);
    if (this.cols.commentary !== undefined) planColumn(this.longPlan, "commentary", this.cols.commentary);
    this.probePlan = newCellPlan(origin);
    for (const f of rowWideFields) planColumn(this.probePlan, f, this.cols[f] ?? -1);
    this.benchmarks = benchmarkColumns(header);
  }

  /** The slot of a period; see slotOfKey. */
  private slotOf(parsed: ParsedPeriod): number {
    let slot = this.slotOfPeriod.get(parsed);
    if (slot === undefined) {
      // The end too: spans of two and three years may start in the same year.
      const key = `${parsed.frequency}|${parsed.period.start}|${parsed.period.end}`;
      slot = this.slotOfKey.get(key);
      if (slot === undefined) {
        slot = this.slotCount++;
        this.slotOfKey.set(key, slot);
      }
      this.slotOfPeriod.set(parsed, slot);
    }
    return slot;
  }

  private col(role: ColumnRole): number | undefined {
    return this.cols[role];
  }

  /** The trimmed text of a row's cell in a column the table may not have. */
  private textAt(row: number, col: number | undefined): string {
    return col === undefined ? "" : cellText(this.view.value(row, col));
  }

  /**
   * The text of a cell as the dashboard will show it (see visible-text.ts), reporting what was
   * removed, once per text. For the texts that become an indicator's name, reference, service
   * area, heading or commentary.
   */
  private shownText(row: number, col: number | undefined): string {
    if (col === undefined) return "";
    const value = this.view.value(row, col);
    if (typeof value !== "string") return cellText(value);
    const shown = visibleText(value);
    if (shown.removed !== null && !this.reportedHidden.has(value)) {
      this.reportedHidden.add(value);
      const a = this.view.address(row, col);
      this.warn(
        "hidden-characters-removed",
        row,
        col,
        `Cell ${a} on sheet "${this.view.sheet}" holds characters that do not show (${shown.removed}): they were removed, so the dashboard shows "${shown.text}".`,
      );
    }
    return shown.text;
  }

  /** A visible form of a text already read (a long table's name or reference), reporting as `shownText` does. */
  private shownAs(text: string, row: number, col: number | undefined): string {
    if (text === "") return text;
    const raw = col === undefined ? null : this.view.value(row, col);
    // The text came from this cell (not carried down from a row above): report from the cell.
    if (typeof raw === "string" && raw.trim() === text) return this.shownText(row, col);
    return visibleText(text).text;
  }

  private isDate(format: string): boolean {
    if (format !== this.lastFormat) {
      this.lastFormat = format;
      this.lastFormatIsDate = isDateFormat(format);
    }
    return this.lastFormatIsDate;
  }

  private warn(code: DiagnosticCode, row: number, col: number, message: string): void {
    this.diagnostics.push(diagnostic(code, this.view.sheet, this.view.address(row, col), message));
  }

  /** Warns about an unknown word in a describing column once per column and word; later cells only add to a count. */
  private warnOnce(code: DiagnosticCode, row: number, col: number, word: string, message: string): void {
    const key = `${code}|${col}|${word.toLowerCase()}`;
    const seen = this.repeats.get(key);
    if (seen) {
      seen.more++;
      return;
    }
    this.repeats.set(key, { index: this.diagnostics.length, more: 0, column: this.view.letters(col) });
    this.warn(code, row, col, message);
  }

  /** Adds to each once-only warning how many more cells of its column said the same. Called when the table is read. */
  summariseRepeats(): void {
    for (const { index, more, column } of this.repeats.values()) {
      const d = this.diagnostics[index];
      if (d === undefined || more === 0) continue;
      this.diagnostics[index] = {
        ...d,
        message: `${d.message.replace(/\.$/, "")} (and ${more} more cell${more === 1 ? "" : "s"} of column ${column} with the same word).`,
      };
    }
  }

  /** Counts non-blank cells in a row, stopping at two (all callers need is "one" or "more"). */
  private nonBlankCount(row: number): { count: number; onlyText: string | null } {
    let count = 0;
    let onlyText: string | null = null;
    let onlyCol = -1;
    this.view.forEachValue(row, (c, v) => {
      if (isBlank(v)) return false;
      count++;
      if (count > 1) return true;
      onlyCol = c;
      onlyText = typeof v === "string" ? v.trim() : null;
      return false;
    });
    if (count > 1) return { count, onlyText: null };
    if (onlyText !== null && onlyCol >= 0) onlyText = this.shownText(row, onlyCol);
    return { count, onlyText };
  }

  /** Reads one number into an observation draft, tracking the cell and what it says about the unit. */
  private readInto(draft: Draft, obs: Obs, field: NumericField, row: number, col: number): void {
    const value = this.view.value(row, col);
    // A result's cell is recorded even when blank (the dashboard points at it for "no data").
    if (field === "actual") obs.recordCell("actual", col);
    if (isBlank(value)) return;
    if (field !== "actual") obs.recordCell(field, col);
    const format = this.view.format(row, col);
    let number: number | null;
    let unit: Unit | null;
    if (typeof value === "number" && Number.isFinite(value) && this.isDate(format)) {
      // A number shown as a date is a date typed where a figure belongs (or a figure formatted by
      // mistake): either way it is not the figure, and using the serial would mislead.
      const shown = value >= 1 && value <= 2_958_465 ? ` (${serialToIso(value)})` : "";
      this.warn(
        "date-in-figure",
        row,
        col,
        `Cell ${this.view.address(row, col)} on sheet "${this.view.sheet}" holds a date${shown} where a figure belongs: it is read as no data.`,
      );
      return;
    }
    if (typeof value === "number" && Number.isFinite(value)) {
      // Most cells hold a plain number: take it as readNumber would (the value, and the unit its
      // format shows) without building a reading object for every figure of a large sheet.
      number = value;
      unit = unitFromFormat(format);
    } else if (field === "target" && saysMonitorOnly(value)) {
      // "Data only" where a target would be: monitored without a target on purpose, not a bad figure.
      draft.monitorOnly = true;
      return;
    } else {
      const reading = readNumber(value, format);
      // The address is made only for a diagnostic: most cells never need one.
      if (reading.problemCode !== null)
        this.diagnostics.push(readNumberAt(value, format, this.view.sheet, this.view.address(row, col)).diagnostic as Diagnostic);
      number = reading.value;
      unit = reading.unit;
    }
    if (number === null) return;
    setFigure(obs, field, number);
    if (field === "actual") {
      draft.results.push(number);
      draft.cellUnits.push(unit);
      draft.formats.push(format);
    } else if (field === "target") {
      draft.targets.push(number);
      draft.targetFormats.push(format);
    }
    if (ACTIVITY_FIELDS.has(field)) draft.hasActivityFigures = true;
  }

  /** Reads the describing columns (polarity, frequency, ...) of a row into a draft, first value wins. */
  private readDescribing(draft: Draft, row: number): void {
    const v = this.view;
    if (draft.ref === null) {
      const ref = this.shownText(row, this.cols.ref);
      if (ref !== "") draft.ref = ref;
    }
    const areaCol = this.cols.serviceArea;
    const area = this.textAt(row, areaCol);
    if (area !== "") this.lastServiceArea = this.shownAs(area, row, areaCol);
    if (draft.serviceArea === null) {
      if (area !== "") draft.serviceArea = this.lastServiceArea;
      else if (areaCol !== undefined && this.lastServiceArea !== null) draft.serviceArea = this.lastServiceArea;
      else if (this.section !== null) draft.serviceArea = this.section;
    }

    const polCol = this.cols.polarity;
    if (polCol !== undefined && draft.polarity === null) {
      const value = v.value(row, polCol);
      draft.polarityCell = v.address(row, polCol);
      if (!isBlank(value)) {
        const p = parsePolarity(value);
        if (p) draft.polarity = p;
        else if (saysMonitorOnly(value)) {
          draft.monitorOnly = true;
          draft.polarityCell = null;
        } else {
          // Said once: the "no polarity" note would contradict it.
          draft.polarityCell = null;
          this.warnOnce(
            "unknown-polarity",
            row,
            polCol,
            cellText(value),
            `Cell ${v.address(row, polCol)} on sheet "${v.sheet}" gives the polarity "${cellText(value)}", which is not one of Higher, Lower or Target: higher is better is assumed.`,
          );
        }
      }
    }
    const freqCol = this.cols.frequency;
    if (freqCol !== undefined && draft.frequency === null) {
      const value = v.value(row, freqCol);
      if (!isBlank(value)) {
        const f = parseFrequency(value);
        const cumulative = saysYearToDate(value);
        if (cumulative) draft.cumulative = true;
        const years = parseFrequencyYears(value);
        if (years !== null && years > 1 && draft.staleAfterMonths === null) draft.staleAfterMonths = years * 12;
        if (f) draft.frequency = f;
        else if (!cumulative)
          this.warnOnce(
            "unknown-frequency",
            row,
            freqCol,
            cellText(value),
            `Cell ${v.address(row, freqCol)} on sheet "${v.sheet}" gives the frequency "${cellText(value)}", which is not Monthly, Quarterly, Annual or Rolling 12 months: the frequency of the period headers is used.`,
          );
      }
    }
    const kindCol = this.cols.kind;
    if (kindCol !== undefined && draft.kind === null) {
      const value = v.value(row, kindCol);
      draft.kind = parseKind(value);
      if (saysMonitorOnly(value)) draft.monitorOnly = true;
    }
    const unitCol = this.cols.unit;
    if (unitCol !== undefined && draft.unit === null) draft.unit = parseUnit(cellText(v.value(row, unitCol)));
    const aggCol = this.cols.aggregation;
    if (aggCol !== undefined && draft.aggregation === null) {
      const value = v.value(row, aggCol);
      if (!isBlank(value)) {
        draft.aggregation = parseAggregation(value);
        // "Cumulative" is not a method to apply but a fact about the figures: the rules take the latest, and say why.
        if (saysYearToDate(value)) {
          draft.cumulative = true;
          draft.aggregation = null;
        }
        if (draft.aggregation === null && !draft.cumulative)
          this.warnOnce(
            "unknown-ytd-method",
            row,
            aggCol,
            cellText(value),
            `Cell ${v.address(row, aggCol)} on sheet "${v.sheet}" gives the YTD method "${cellText(value)}", which is not Sum, Mean, Ratio or Latest: it is inferred from the unit instead.`,
          );
      }
    }
    const tolCol = this.cols.tolerance;
    if (tolCol !== undefined && draft.tolerance === null) {
      const value = v.value(row, tolCol);
      if (!isBlank(value)) {
        draft.tolerance = parseTolerance(value, v.format(row, tolCol));
        if (draft.tolerance === null)
          this.warnOnce(
            "unknown-tolerance",
            row,
            tolCol,
            cellText(value),
            `Cell ${v.address(row, tolCol)} on sheet "${v.sheet}" gives the tolerance "${cellText(value)}", which is not a number or a percentage: the workbook's tolerance is used.`,
          );
      }
    }
    const greenCol = this.cols.greenTolerance;
    if (greenCol !== undefined && draft.greenTolerance === null) {
      const value = v.value(row, greenCol);
      if (!isBlank(value)) {
        draft.greenTolerance = parseTolerance(value, v.format(row, greenCol));
        if (draft.greenTolerance === null)
          this.warnOnce(
            "unknown-tolerance",
            row,
            greenCol,
            cellText(value),
            `Cell ${v.address(row, greenCol)} on sheet "${v.sheet}" gives the green tolerance "${cellText(value)}", which is not a number or a percentage: the workbook's green tolerance is used.`,
          );
      }
    }
    const staleCol = this.cols.staleAfter;
    if (staleCol !== undefined) {
      const value = v.value(row, staleCol);
      if (!isBlank(value)) {
        const months = typeof value === "number" ? value : Number(cellText(value).replace(/\s*months?$/i, ""));
        if (Number.isInteger(months) && months >= 1 && months <= 120) draft.staleAfterMonths = months;
        else
          this.warnOnce(
            "unknown-stale-limit",
            row,
            staleCol,
            cellText(value),
            `Cell ${v.address(row, staleCol)} on sheet "${v.sheet}" gives the stale limit "${cellText(value)}", which is not a whole number of months: the usual 12 months is used.`,
          );
      }
    }
    const incCol = this.cols.included;
    if (incCol !== undefined && draft.excluded === null) draft.excluded = parseExcluded(v.value(row, incCol));
  }

  /** parsePeriod for a period cell, remembered per distinct value and format (and so the same object for the same period). */
  private periodOfCell(value: CellValue, format: string): ParsedPeriod | null {
    let byValue = this.periodCells.get(format);
    if (byValue === undefined) {
      byValue = new Map();
      this.periodCells.set(format, byValue);
    }
    let parsed = byValue.get(value);
    if (parsed === undefined) {
      parsed = parsePeriod(value, format, this.ctx.yearStartMonth, this.ctx.ambiguous ?? "month");
      byValue.set(value, parsed);
    }
    return parsed;
  }

  private obsFor(draft: Draft, parsed: ParsedPeriod, row: number): Obs {
    const slot = this.slotOf(parsed);
    const existing = draft.obsBySlot[slot];
    if (existing) return existing;
    const o = new Obs(parsed.period, this.longPlan, row);
    draft.obs.push(o);
    draft.frequencies.push(parsed.frequency);
    draft.obsBySlot[slot] = o;
    return o;
  }

  /**
   * Starts a repeated period of a long table afresh (the later row is used): a new observation
   * in the old one's place, so one with a numerator does not keep it. Rare, so the search is fine.
   */
  private restartObs(draft: Draft, parsed: ParsedPeriod, old: Obs, row: number): Obs {
    const o = new Obs(old.period, this.longPlan, row);
    draft.obs[draft.obs.indexOf(old)] = o;
    draft.obsBySlot[this.slotOf(parsed)] = o;
    return o;
  }

  /** True when the row is a section heading (one text cell alone), which then names the service area of the rows below. */
  private takeHeading(row: number): boolean {
    const { count, onlyText } = this.nonBlankCount(row);
    if (count === 1 && onlyText !== null && onlyText.length <= 120) {
      this.section = onlyText;
      return true;
    }
    return false;
  }

  /** Reads one row of a wide table: the indicator it holds (complete, as a wide row is), or null when it holds none. */
  readWideRow(row: number): Draft | null {
    const v = this.view;
    const nameCol = this.cols.name;
    let name = this.textAt(row, nameCol);
    const ref = this.textAt(row, this.cols.ref);
    if (name === "" && ref === "") {
      this.takeHeading(row);
      return null;
    }
    if (this.takeHeading(row)) return null;
    let hasFigures = false;
    for (const p of this.periodColumns) {
      if (!isBlank(v.value(row, p.col))) {
        hasFigures = true;
        break;
      }
    }
    if (!hasFigures) {
      for (const f of ROW_FIELDS) {
        const c = this.col(f);
        if (c !== undefined && !isBlank(v.value(row, c))) {
          hasFigures = true;
          break;
        }
      }
    }
    if (!hasFigures && (ref === "" || nameCol === undefined)) return null;
    name = this.shownAs(name, row, nameCol);
    if (name === "") {
      name = this.shownAs(ref, row, this.cols.ref);
      if (nameCol !== undefined)
        this.warn(
          "reference-used-as-name",
          row,
          nameCol,
          `Row ${v.rowNumber(row)} on sheet "${v.sheet}" has figures but no indicator name: the reference ${ref} is used as its name.`,
        );
    }
    const draft = newDraft(row, `${row}`, name);
    this.readDescribing(draft, row);
    // The same observations, in the same order, as looking each column's period up would give.
    const slots: (Obs | undefined)[] = new Array<Obs | undefined>(this.slotCount);
    this.periodColumns.forEach((p, i) => {
      const slot = this.columnSlots[i] ?? 0;
      let obs = slots[slot];
      if (obs === undefined) {
        obs = new Obs(p.period.period, this.slotPlans[slot] ?? this.longPlan, row);
        slots[slot] = obs;
        draft.obs.push(obs);
        draft.frequencies.push(p.period.frequency);
      }
      this.readInto(draft, obs, p.field, row, p.col);
    });
    // Row-wide figures (an annual target beside monthly results) apply to every period without its own.
    for (const f of ROW_FIELDS) {
      const c = this.col(f);
      if (c === undefined || isBlank(v.value(row, c))) continue;
      const probe = new Obs(PROBE_PERIOD, this.probePlan, row);
      this.readInto(draft, probe, f, row, c);
      const value = probe[f];
      const read = probe.hasCell(f);
      for (const o of draft.obs) {
        if (o[f] !== null) continue;
        if (value !== null) o[f] = value;
        if (read) o.recordCell(f, c, true);
      }
    }
    if (this.benchmarks !== null) readBenchmarks(v, row, this.benchmarks, draft.obs, this.diagnostics);
    const commentCol = this.cols.commentary;
    if (commentCol !== undefined) {
      const text = this.shownText(row, commentCol);
      if (text !== "") draft.commentary = { text, col: commentCol };
    }
    this.lastRow = row;
    return draft;
  }

  /** The indicator a long-table row belongs to, by its reference or else its name; a new one when it is the first row. */
  private draftFor(row: number, name: string, ref: string): Draft {
    // Rows of one indicator usually come together: the same name and reference as the last row
    // is the same indicator, found without building and hashing its key again.
    const last = this.lastDraft;
    if (last !== null && last.name === name && last.ref === ref) {
      if (last.draft.name === last.draft.ref && name !== "") last.draft.name = this.shownAs(name, row, this.cols.name);
      return last.draft;
    }
    const key = ref !== "" ? `ref:${ref.toLowerCase()}` : `name:${name.toLowerCase().replace(/\s+/g, " ")}`;
    let draft = this.byKey.get(key);
    if (!draft) {
      draft = newDraft(row, key, name === "" ? this.shownAs(ref, row, this.cols.ref) : this.shownAs(name, row, this.cols.name));
      this.byKey.set(key, draft);
      this.drafts.push(draft);
    } else if (draft.name === draft.ref && name !== "") {
      draft.name = this.shownAs(name, row, this.cols.name);
    }
    this.lastDraft = { name, ref, draft };
    return draft;
  }

  readLongRow(row: number): void {
    const v = this.view;
    const periodCol = this.cols.period;
    if (periodCol === undefined) return;
    const periodValue = v.value(row, periodCol);
    let name = this.textAt(row, this.cols.name);
    let ref = this.textAt(row, this.cols.ref);
    if (isBlank(periodValue)) {
      this.takeHeading(row);
      return;
    }
    const parsed = this.periodOfCell(periodValue, v.format(row, periodCol));
    if (!parsed) {
      if (this.takeHeading(row)) return;
      this.warn(
        "unknown-period",
        row,
        periodCol,
        `Cell ${v.address(row, periodCol)} on sheet "${v.sheet}" gives the period "${cellText(periodValue)}", which was not recognised (try "Apr 2012", "Q1 2012/13" or "2012/13"): the row is skipped.`,
      );
      return;
    }
    // Blank name and reference under a filled one: the cells were merged, or left blank to group rows.
    if (name === "" && ref === "") {
      name = this.lastName;
      ref = this.lastRef;
      if (name === "" && ref === "") return;
    }
    this.lastName = name;
    this.lastRef = ref;
    const draft = this.draftFor(row, name, ref);
    this.readDescribing(draft, row);
    let obs = this.obsFor(draft, parsed, row);
    if (obs.hasCell("actual")) {
      this.warn(
        "repeated-period",
        row,
        periodCol,
        `Row ${v.rowNumber(row)} on sheet "${v.sheet}" repeats ${parsed.period.label} for "${draft.name}": the later row is used.`,
      );
      obs = this.restartObs(draft, parsed, obs, row);
    }
    for (const { field, col } of this.figureColumns) this.readInto(draft, obs, field, row, col);
    if (this.benchmarks !== null) readBenchmarks(v, row, this.benchmarks, [obs], this.diagnostics);
    const commentCol = this.cols.commentary;
    if (commentCol !== undefined) {
      const text = this.shownText(row, commentCol);
      if (text !== "") {
        obs.commentary = text;
        obs.recordCell("commentary", commentCol);
      }
    }
    this.lastRow = row;
  }
}
