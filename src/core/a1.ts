/**
 * A1 addresses, the one place they are read and written: the core (detection's cell addresses,
 * the layout's ranges) and both writers (Office.js and exceljs) use these, so a range means the
 * same thing everywhere. Rows and columns are 0-based here; the letters and digits are what a
 * person sees in Excel. The fake Excel in the tests keeps its own on purpose: an oracle must not
 * share the code it checks.
 */

/** Converts a 0-based column index to its letters: 0 → "A", 27 → "AB". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Converts column letters to a 0-based index: "A" → 0, "AB" → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits an A1 address ("$C$7" or "C7") into 0-based row and column; null when it is not one. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m || !m[1] || !m[2]) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A1 address of a 0-based (row, col) position on the worksheet. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The bounds of an A1 range ("B3:D5", "D5:B3" or "B3") as 0-based inclusive rows and columns, or null when it is not one. */
export function rangeBounds(range: string): { top: number; bottom: number; left: number; right: number } | null {
  const [from, to] = range.split(":");
  const a = parseAddress(from ?? "");
  const b = parseAddress(to ?? from ?? "");
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

/** A range's rows made absolute, its columns left as written without "$": "A1:N80" and "$A$1:$N$80" → "A$1:N$80". */
export function withAbsoluteRows(range: string): string {
  return range.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/gi, "$1$$$2");
}
