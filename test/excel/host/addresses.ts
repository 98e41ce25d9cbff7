/**
 * A1 addresses for the test host. Written apart from src/core on purpose: the host is the oracle
 * the adapter is checked against, and an oracle must not share the code it checks.
 * Browser-safe (no Node imports).
 */

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Box {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** Column letters of a 0-based index: 0 → "A", 27 → "AB". */
export function letters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" for row 2, column 1. */
export function cellA1(r: number, c: number): string {
  return `${letters(c)}${r + 1}`;
}

/** A box as Excel writes it: "A1", "A1:C3", whole rows "3:5" or whole columns "A:C". */
export function boxA1(b: Box): string {
  if (b.c0 === 0 && b.c1 === MAX_COLS - 1) return `${b.r0 + 1}:${b.r1 + 1}`;
  if (b.r0 === 0 && b.r1 === MAX_ROWS - 1) return `${letters(b.c0)}:${letters(b.c1)}`;
  const a = cellA1(b.r0, b.c0);
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${cellA1(b.r1, b.c1)}`;
}

/** A sheet name as it appears in an address: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses "A1", "$A$1:$C$3", "A:C", "3:5" (optionally "Sheet!…") into a box; null when invalid. */
export function parseBox(address: string): Box | null {
  const bang = address.lastIndexOf("!");
  const a = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim().toUpperCase();
  const parts = a.split(":");
  if (parts.length > 2 || !parts[0]) return null;
  const first = parts[0];
  const second = parts[1] ?? first;
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  let box: Box | null = null;
  const m1 = cell.exec(first);
  const m2 = cell.exec(second);
  if (m1 && m2) {
    box = { r0: Number(m1[2]) - 1, c0: colIndex(m1[1] ?? "A"), r1: Number(m2[2]) - 1, c1: colIndex(m2[1] ?? "A") };
  } else if (col.test(first) && col.test(second) && parts.length === 2) {
    box = { r0: 0, c0: colIndex(first), r1: MAX_ROWS - 1, c1: colIndex(second) };
  } else if (row.test(first) && row.test(second) && parts.length === 2) {
    box = { r0: Number(first) - 1, c0: 0, r1: Number(second) - 1, c1: MAX_COLS - 1 };
  }
  if (!box) return null;
  const n: Box = {
    r0: Math.min(box.r0, box.r1),
    r1: Math.max(box.r0, box.r1),
    c0: Math.min(box.c0, box.c1),
    c1: Math.max(box.c0, box.c1),
  };
  if (n.r0 < 0 || n.c0 < 0 || n.r1 >= MAX_ROWS || n.c1 >= MAX_COLS) return null;
  return n;
}

/** Whether two boxes share a cell. */
export function intersects(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** Number of cells in a box. */
export function cellCount(b: Box): number {
  return (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
}
