/**
 * Turns what Excel throws into sentences an analyst can act on. Office.js errors carry an
 * unlocalised `code` (switched on here) and a localised `message` that is never shown as is.
 */

/** An error whose message is already written for the analyst (thrown by the add-in itself). */
export class UserFacingError extends Error {
  /** The Office.js code of the error behind it, when there was one. */
  readonly code: string | null;
  constructor(message: string, code: string | null = null) {
    super(message);
    this.name = "UserFacingError";
    this.code = code;
  }
}

const messages: Record<string, string> = {
  ApiNotFound: "This version of Excel does not have what the add-in needs. Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.",
  NotImplemented: "This version of Excel does not have what the add-in needs. Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.",
  AccessDenied:
    "Excel refused the change: a sheet or the workbook is protected, or the file is read-only. Unprotect it (Review > Unprotect Sheet) and try again.",
  InvalidOperationInCellEditMode: "Finish editing the cell (press Enter or Esc), then try again.",
  RequestPayloadSizeLimitExceeded: "The workbook is too large to send to Excel in one go. Choose fewer sheets, or use the desktop version of Excel.",
  ResponsePayloadSizeLimitExceeded: "The worksheets are too large to read in one go. Choose fewer sheets, or use the desktop version of Excel.",
  RangeExceedsLimit: "A worksheet's used area is too large to read. Clear unused rows and columns, or choose fewer sheets.",
  ItemAlreadyExists: "A sheet with that name already exists. Rename it, or choose another name for the dashboard sheet.",
  ItemNotFound: "A sheet or setting the add-in expected is no longer there. Reopen the add-in and try again.",
  MergedRangeConflict: "Excel could not merge cells on the dashboard sheet. Try again; if it happens again, report it.",
  GeneralException: "Excel could not finish the change. Nothing was replaced; try again in a moment.",
  InvalidArgument: "Excel did not accept part of the dashboard. Nothing was replaced; try again, and report it if it happens again.",
  InvalidReference: "Excel did not accept a range on the dashboard. Nothing was replaced; try again.",
  InvalidOperation: "Excel could not do that just now. Try again in a moment.",
  UnsupportedSheet: "This kind of sheet (a chart sheet or macro sheet) cannot be read. Leave it out of the sheets chosen.",
  Conflict: "Someone else changed the workbook at the same time. Try again.",
  PropertyNotLoaded: "The add-in asked Excel for something in the wrong order. Try again, and report it if it happens again.",
};

function codeOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code.length > 0 ? code : null;
}

/** A plain sentence for any error: by its Office.js `code`, the add-in's own message, or a generic fallback. */
export function describeError(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  const code = codeOf(error);
  if (code !== null) {
    const known = messages[code];
    if (known) return known;
    return `Excel could not finish the change (${code}). Nothing was replaced; try again.`;
  }
  return "Something went wrong while building the dashboard. Nothing was replaced; try again.";
}

const causes: Record<string, string> = {
  AccessDenied: "a sheet is protected.",
  InvalidArgument: "Excel did not accept one of the rules.",
  InvalidOperation: "Excel could not do that just now.",
  ItemNotFound: "a rule or sheet was no longer there.",
  RequestPayloadSizeLimitExceeded: "the change was too large to send to Excel in one go.",
  InvalidOperationInCellEditMode: "a cell was being edited.",
};

/** What went wrong, without saying what was or was not changed: for messages that say that themselves. */
export function describeCause(error: unknown): string {
  const code = codeOf(error);
  if (code === null) return "something went wrong.";
  return causes[code] ?? `Excel could not finish the change (${code}).`;
}

/** The Office.js error code of an error, or null. */
export function errorCode(error: unknown): string | null {
  return codeOf(error);
}
