import { z } from "zod";
import { sheetNameProblem } from "./sheet-name";

/**
 * Everything a team can set, saved in the workbook (or passed to the command line as JSON) so
 * next month's dashboard is built the same way. Parsed with zod so a hand-edited or old copy
 * gives a clear message instead of a crash. The objects are loose: a field this version does not
 * know (saved by a newer one) is kept as it is and written back, never dropped.
 */

const toleranceSchema = z.object({ kind: z.enum(["percent", "absolute"]), value: z.number().nonnegative() });

/** The roles a column can play in an indicator table. */
export const columnRoles = [
  "ref",
  "name",
  "serviceArea",
  "polarity",
  "frequency",
  "unit",
  "aggregation",
  "tolerance",
  "kind",
  "period",
  "actual",
  "target",
  "floor",
  "expected",
  "lower",
  "upper",
  "numerator",
  "denominator",
  "commentary",
  "included",
  "comparator",
  "quartile",
  "rank",
  "rankOf",
  "midpoint",
  "greenTolerance",
  "staleAfter",
  "ignore",
] as const;

/** A column's role, or a period column ("period:<header>") in a wide table. */
export type ColumnRole = (typeof columnRoles)[number];

/** A column mapping made by hand for one sheet, when detection was unsure or wrong. */
export const sheetMappingSchema = z.looseObject({
  /** 1-based worksheet row that holds the headers. */
  headerRow: z.number().int().positive(),
  /** "wide": one row per indicator with periods across; "long": one row per indicator per period. */
  layout: z.enum(["wide", "long"]),
  /** Column letters to roles, e.g. { "A": "ref", "B": "name", "D": "actual" }. In a wide table, columns not named here whose header is a period are read as periods. */
  columns: z.record(z.string().regex(/^[A-Za-z]{1,3}$/), z.enum(columnRoles)),
  /** Values for indicators on this sheet where no column says otherwise. */
  defaults: z
    .looseObject({
      kind: z.enum(["kpi", "activity"]).optional(),
      frequency: z.enum(["month", "quarter", "year", "multiYear", "rolling12"]).optional(),
      polarity: z.enum(["higher", "lower", "target"]).optional(),
      serviceArea: z.string().optional(),
    })
    .optional(),
});

/** A column mapping made by hand for one sheet. */
export type SheetMapping = z.infer<typeof sheetMappingSchema>;

/** Hand-made mappings by sheet name: the JSON the command line's `--map` accepts. */
export const mappingSchema = z.looseObject({ sheets: z.record(z.string(), sheetMappingSchema) });

/** Hand-made mappings by sheet name. */
export type Mapping = z.infer<typeof mappingSchema>;

/** The rules' settings: where councils differ, each choice is explicit here. */
export const ruleSettingsSchema = z.looseObject({
  /**
   * Alert for a result exactly equal to the target (GREEN or AMBER). With a green tolerance it applies
   * to a result exactly on the edge of the green band. "Exactly" allows for floating-point noise:
   * figures that differ by at most one part in a billion count as equal.
   */
  atTarget: z.enum(["GREEN", "AMBER"]).default("GREEN"),
  /** Alert for a result exactly equal to the floor standard (AMBER or RED); also for one exactly on the edge of the amber tolerance. */
  atFloor: z.enum(["AMBER", "RED"]).default("AMBER"),
  /**
   * For KPIs with no floor standard: AMBER within this band of the target, RED beyond. Percent is a
   * fraction of the target (0.05 = 5%); absolute is in the indicator's unit (for percentages 0.02 = 2
   * percentage points). An indicator's own tolerance from the sheet overrides it. Null: straight from
   * GREEN to RED. Ignored when the indicator has a floor standard.
   */
  amberTolerance: toleranceSchema.nullable().default(null),
  /**
   * A tolerance on the green band itself: GREEN when the target is met or the result is within this
   * band of it (e.g. 5%). A result worse than its floor standard is RED whatever this says. Null: GREEN
   * only when the target is met.
   */
  greenTolerance: toleranceSchema.nullable().default(null),
  /**
   * For "close to target" indicators: GREEN within this band either side of the target; AMBER no
   * further from the target than the floor standard is (or within the amber tolerance); RED beyond.
   */
  targetBand: toleranceSchema.default({ kind: "percent", value: 0.05 }),
  /**
   * Direction of travel: "previous" compares the latest result with the previous result of the same
   * frequency; "trend" fits a least-squares line through the last `trendPoints` results (missing ones
   * skipped, at least 3 needed); "lastYear" compares with the same period one year before (month with
   * month, quarter with quarter), as councils print for seasonal indicators. Each is judged with the
   * indicator's polarity.
   */
  dotMethod: z.enum(["previous", "trend", "lastYear"]).default("previous"),
  /**
   * Also show the other comparison in the DoT column: with "previous" the same period last year, with
   * "lastYear" the previous period (where the sheet holds both). The JSON always carries both.
   */
  dotBoth: z.boolean().default(false),
  /** How many of the latest periods (3 to 36) the "trend" direction of travel looks at. */
  trendPoints: z.number().int().min(3).max(36).default(6),
  /**
   * A change of at most this fraction of the previous value (0.01 = 1%) counts as SAME; for the trend,
   * the change along the fitted line compared with the mean result. 0 means only an unchanged figure is SAME.
   */
  deadBand: z.number().nonnegative().default(0),
  /**
   * For activity indicators: where the sheet gives no lower or upper threshold, the range is this band
   * either side of the expected figure (percent of expected, or absolute). A result exactly on a
   * threshold is WITHIN the range.
   */
  activityTolerance: toleranceSchema.default({ kind: "percent", value: 0.1 }),
  /**
   * First month of the reporting year, for year-to-date figures, quarter numbers and year labels:
   * 4 for April (financial year, "2012/13"), 9 for September (academic year), 1 for calendar years.
   */
  yearStartMonth: z.number().int().min(1).max(12).default(4),
  /**
   * Indicators that are monitored without a target on purpose (crime counts, demand figures), by
   * reference or name (case ignored). They are rated MONITOR: shown with their figures and direction of
   * travel, with no colour, no alert and no "no target" warning. Words such as "Data only" in a target
   * cell, or a Type column saying "Monitor", mark an indicator so too.
   */
  monitorOnly: z.array(z.string()).default([]),
  /**
   * A fourth status for a result beyond its target by more than this margin (percent of the target, or
   * absolute): EXCEEDED, often shown blue. Null: off, such a result is GREEN.
   */
  exceeded: toleranceSchema.nullable().default(null),
  /**
   * Alerts that depend on the trend: a result that misses its target is AMBER when it is better than the
   * previous period ("previous") or the same period last year ("lastYear"), and RED when it is not; the
   * floor standard then plays no part. Null: off, the floor standard decides.
   */
  trendAlerts: z.enum(["previous", "lastYear"]).nullable().default(null),
  /**
   * How many months of the reporting year must have passed (to the end of the indicator's period) before
   * a YTD alert is given; earlier the YTD alert shows TOO EARLY. 1 gives it from the first month; 4 holds
   * it until the second quarter of the year.
   */
  ytdMinMonths: z.number().int().min(1).max(12).default(1),
  /**
   * Where an indicator has no target of its own, use its first comparator column (a national or family
   * group average, in the sheet's column order) as the target, as many councils do with benchmarking
   * data; the reason says so. Not used for close-to-target indicators.
   */
  comparatorAsTarget: z.boolean().default(false),
  /**
   * A band that is a percentage of the target is no band at all around a target of 0 (a gender pay gap
   * of 0%). Such a band is then replaced by this absolute one (in the indicator's unit: for percentages
   * 0.02 is 2 percentage points), with a warning; null keeps the band of 0 and warns that one is needed.
   */
  zeroTargetBand: z
    .object({ kind: z.literal("absolute"), value: z.number().nonnegative() })
    .nullable()
    .default(null),
  /**
   * List, in the data notes and in the task pane, every RED or worsened indicator that has no
   * commentary, so the analyst can ask its owner before the paper goes out.
   */
  listMissingCommentary: z.boolean().default(true),
});

/** The rules' settings. */
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;

/** All settings of a dashboard build. */
export const settingsSchema = z.looseObject({
  /** Directorate or workbook title shown above "Performance Dashboard". */
  title: z.string().default("Performance Dashboard"),
  directorate: z.string().default(""),
  /** Sheets to read; null means every sheet where indicators are found. */
  sheets: z.array(z.string()).nullable().default(null),
  /** Reporting cut-off "YYYY-MM", or null for the latest month with data. */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .nullable()
    .default(null),
  grouping: z.enum(["frequency", "serviceArea"]).default("frequency"),
  charts: z.boolean().default(false),
  sourceFormatting: z.boolean().default(false),
  /** Record every build in the report history, as if each were marked as reported (off: only "Mark as reported" records). */
  recordEveryBuild: z.boolean().default(false),
  /** The dashboard sheet's name: one Excel accepts (see sheet-name.ts). */
  dashboardSheet: z
    .string()
    .superRefine((name, ctx) => {
      const problem = sheetNameProblem(name);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .default("Dashboard"),
  mapping: mappingSchema.default({ sheets: {} }),
  rules: ruleSettingsSchema.default(() => ruleSettingsSchema.parse({})),
});

/** All settings of a dashboard build. */
export type Settings = z.infer<typeof settingsSchema>;

/** The settings a new workbook starts with. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** Reads settings from untrusted JSON (the workbook or a file): the settings, or a message saying what is wrong. */
export function parseSettings(json: unknown): { ok: true; settings: Settings } | { ok: false; message: string } {
  const result = settingsSchema.safeParse(json ?? {});
  if (result.success) return { ok: true, settings: result.data };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at "${first.path.join(".")}"` : "";
  return { ok: false, message: `The saved settings could not be used${where}: ${first?.message ?? "invalid"}.` };
}
