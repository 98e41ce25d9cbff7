/** How much a diagnostic matters: an error loses data, a warning may mislead, info explains. */
export type Severity = "error" | "warning" | "info";

/**
 * Something a person should know about what was read or computed. The core never throws on
 * bad data: it returns these beside whatever it could read.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Worksheet name, or null when the diagnostic is about the workbook as a whole. */
  readonly sheet: string | null;
  /** A1 address of the cell concerned, or null when it is about a whole sheet. */
  readonly cell: string | null;
  /** A sentence a performance analyst understands, naming what was found and what was done with it. */
  readonly message: string;
}

/** Builds a diagnostic. */
export function diagnostic(severity: Severity, sheet: string | null, cell: string | null, message: string): Diagnostic {
  return { severity, sheet, cell, message };
}
